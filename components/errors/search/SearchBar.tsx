"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { input as inputStyle } from "@/components/ui/buttonStyles";
import { useSearchValuesQuery } from "@/lib/client/hooks/useSearchValuesQuery";
import { parseSearch } from "@/lib/search/parseSearch";
import { needsTagKeys, serverValuesKey, suggest, suggestionContext, type Suggestion } from "@/lib/search/suggest";
import { shortcutKey } from "@/lib/client/shortcutKey";

interface SearchBarProps {
  workspaceId: string;
  /** The committed query (from the URL). */
  value: string;
  assignees: string[];
  /** `replace`: the query refines the one this box wrote after a pause in typing (its history entry is rewritten, not added to). */
  onCommit: (query: string, options: { replace: boolean }) => void;
}

const COMMIT_DELAY_MS = 400;

/**
 * The list's search box: the search syntax with suggestions for keys and values at the cursor
 * (arrow keys to move, Enter or → at the end to pick; Tab moves on), errors shown where they are; a query that parses is committed
 * to the URL after a pause or on Enter. One search typed is one history entry: a commit after a pause
 * rewrites the entry the previous pause wrote; Enter settles it, so the next search is an entry of its own.
 */
export function SearchBar({ workspaceId, value, assignees, onCommit }: SearchBarProps) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // The last query this box committed: its echo through the URL must not overwrite newer typing.
  const [ownCommit, setOwnCommit] = useState<string | null>(null);
  // The query a pause in typing committed, while it is unsettled (no Enter since): the next commit over it replaces it.
  const provisional = useRef<string | null>(null);
  const [cursor, setCursor] = useState(value.length);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  if (value !== synced) {
    // The URL changed from elsewhere (a chip, back button, a saved search): the box follows it. The
    // echo of our own commit leaves the box alone, so what was typed meanwhile is never undone.
    setSynced(value);
    if (value === ownCommit) setOwnCommit(null);
    else if (value !== text.trim()) setText(value);
  }

  function commit(query: string) {
    // A query the URL already holds (Enter after the pause committed it) makes no echo: remembering
    // it would take a later change to it from elsewhere (a chip) for that echo and leave the box stale.
    if (query !== value) setOwnCommit(query);
    onCommit(query, { replace: provisional.current === value });
    provisional.current = null;
  }

  const parsed = useMemo(() => parseSearch(text), [text]);
  const ctx = suggestionContext(text, cursor);
  const serverKey = serverValuesKey(ctx);
  const values = useSearchValuesQuery(workspaceId, serverKey, serverKey ? ctx.prefix : "", isOpen && serverKey !== null);
  const keys = useSearchValuesQuery(workspaceId, null, "", isOpen && needsTagKeys(ctx));
  const suggestions: Suggestion[] = isOpen
    ? suggest(text, cursor, { tagKeys: keys.data?.keys, values: values.data?.values.map((v) => v.value), assignees })
    : [];

  // "/" anywhere on the page (outside a text field) goes to the search box, as in most trackers.
  useEffect(() => {
    function onSlash(e: globalThis.KeyboardEvent) {
      if (shortcutKey(e) !== "/") return;
      e.preventDefault();
      inputRef.current?.focus();
    }
    window.addEventListener("keydown", onSlash);
    return () => window.removeEventListener("keydown", onSlash);
  }, []);

  useEffect(() => {
    if (text.trim() === value || parsed.errors.length > 0) return;
    const timer = setTimeout(() => {
      const query = text.trim();
      setOwnCommit(query);
      onCommit(query, { replace: provisional.current === value });
      provisional.current = query;
    }, COMMIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, parsed.errors.length, onCommit]);

  function pick(s: Suggestion) {
    setText(s.query);
    setCursor(s.cursor);
    setActive(0);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(s.cursor, s.cursor);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (suggestions.length > 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : -1) + suggestions.length) % suggestions.length);
      return;
    }
    // Tab never picks (WAI-ARIA combobox): it closes the suggestions and lets focus move on, so the
    // box is no keyboard trap. Enter picks for a key or value being typed (with nothing typed at the
    // caret it searches); → at the end of the text picks too, like accepting an inline completion.
    if (e.key === "Tab") {
      setIsOpen(false);
      return;
    }
    const typing = ctx.kind === "value" || ctx.prefix !== "";
    const atEnd = e.currentTarget.selectionStart === text.length && e.currentTarget.selectionEnd === text.length;
    const picks = typing && (e.key === "Enter" || (e.key === "ArrowRight" && atEnd));
    if (suggestions.length > 0 && picks) {
      e.preventDefault();
      pick(suggestions[Math.min(active, suggestions.length - 1)]);
      return;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      if (parsed.errors.length === 0) {
        commit(text.trim());
        setIsOpen(false);
      }
      return;
    }
    if (e.key === "Escape" && isOpen) {
      e.preventDefault();
      e.stopPropagation();
      setIsOpen(false);
    }
  }

  const error = parsed.errors[0];
  return (
    <div className="relative min-w-0 flex-1 basis-64">
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search errors"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${listId}-error` : undefined}
        value={text}
        placeholder='is:unresolved level:high "timeout" — type to see keys'
        aria-keyshortcuts="/"
        title="Search (press / anywhere to come back here)"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setCursor(e.target.selectionStart ?? e.target.value.length);
          setActive(0);
          setIsOpen(true);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart ?? 0)}
        onFocus={() => setIsOpen(true)}
        // Closed a moment after focus leaves (a click on a suggestion lands first), unless it came back meanwhile.
        onBlur={() => setTimeout(() => document.activeElement !== inputRef.current && setIsOpen(false), 150)}
        onKeyDown={onKeyDown}
        className={`${inputStyle} w-full font-mono ${error ? "border-red-400 focus:border-red-500 focus:ring-red-500" : ""}`}
      />
      {error && text.trim() && (
        <p id={`${listId}-error`} role="status" className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="search-error">
          {error.message}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Suggestions" className="absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-700" data-testid="search-suggestions">
          {suggestions.map((s, i) => (
            <li
              key={`${s.label}-${i}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
              className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 ${i === active ? "bg-blue-50 dark:bg-blue-950/60" : ""}`}
            >
              <span className="font-mono text-gray-900 dark:text-gray-100">{s.label}</span>
              {s.detail && <span className="truncate text-xs text-gray-500 dark:text-gray-400">{s.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
