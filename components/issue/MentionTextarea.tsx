"use client";

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { input } from "@/components/ui/buttonStyles";
import { mentionCandidates, mentionHandleFor, mentionQueryAt, type MentionableMember } from "@/lib/notifications/commentMentions";

interface MentionTextareaProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  members: MentionableMember[];
  placeholder?: string;
}

/** A comment box that offers the workspace's members after "@" and inserts the handle that names them (they are notified). */
export function MentionTextarea({ id, value, onChange, members, placeholder }: MentionTextareaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  // Where the caret goes once an inserted handle is in the box: placed as the new value is committed,
  // before the next key press is handled (a deferred placement raced fast typing).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);
  const typing = mentionQueryAt(value, caret);
  const candidates = typing && dismissed !== typing.start ? mentionCandidates(typing.query, members) : [];
  const open = candidates.length > 0;

  function pick(member: MentionableMember) {
    if (!typing) return;
    const handle = `@${mentionHandleFor(member, members)} `;
    const next = value.slice(0, typing.start) + handle + value.slice(caret);
    onChange(next);
    const at = typing.start + handle.length;
    pendingCaret.current = at;
    setCaret(at);
    setActive(0);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : candidates.length - 1)) % candidates.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      pick(candidates[Math.min(active, candidates.length - 1)]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDismissed(typing?.start ?? null);
    }
  }

  return (
    <div className="relative">
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${Math.min(active, candidates.length - 1)}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className={`${input} w-full`}
        placeholder={placeholder}
        maxLength={10_000}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Mention a member" className="absolute left-0 z-30 mt-1 w-72 max-w-full rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-700">
          {candidates.map((m, i) => (
            <li
              key={m.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, candidates.length - 1)}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
              className={`cursor-pointer truncate rounded px-2 py-1.5 ${i === Math.min(active, candidates.length - 1) ? "bg-blue-50 text-blue-900 dark:bg-blue-950 dark:text-blue-100" : "text-gray-800 dark:text-gray-200"}`}
            >
              {m.name || m.email} <span className="text-xs text-gray-500 dark:text-gray-400">{m.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
