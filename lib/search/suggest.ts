import { tokenize } from "@/lib/search/tokenize";
import { formatTerm, quoteValue } from "@/lib/search/formatSearch";
import { IS_VALUES, KEY_DESCRIPTIONS, KNOWN_KEYS } from "@/lib/search/searchVocabulary";

/** One suggestion: what to show, and the query and cursor position if it is picked. */
export interface Suggestion {
  label: string;
  detail?: string;
  query: string;
  cursor: number;
}

/** Values known only to the server (categories, environments, releases, members, tag keys…). */
export interface SuggestionSources {
  tagKeys?: string[];
  values?: string[];
  assignees?: string[];
}

/** What the suggestions are about at the cursor: a key being typed, or the value of a key. */
export type SuggestionContext = { kind: "key"; prefix: string; start: number; end: number } | { kind: "value"; key: string; prefix: string; start: number; end: number };

const STATIC_VALUES: Record<string, string[]> = {
  is: [...IS_VALUES],
  level: ["critical", "high", "medium", "low"],
  firstSeen: ["-1h", "-24h", "-7d", "-30d", "+7d"],
  lastSeen: ["-1h", "-24h", "-7d", "+30d"],
};

/** Finds the token under the cursor (pure; never throws). */
export function suggestionContext(query: string, cursor: number): SuggestionContext {
  const at = Math.max(0, Math.min(cursor, query.length));
  const token = tokenize(query).find((t) => t.start <= at && at <= t.end);
  if (!token) return { kind: "key", prefix: "", start: at, end: at };
  const start = token.negated ? token.start + 1 : token.start;
  if (token.key !== undefined && token.valueStart !== undefined && at >= token.valueStart) {
    const valueText = query.slice(token.valueStart, token.end);
    // The value being typed is the last of a comma list.
    const lastComma = valueText.lastIndexOf(",");
    const from = lastComma === -1 ? token.valueStart : token.valueStart + lastComma + 1;
    return { kind: "value", key: token.key, prefix: query.slice(from, at).replace(/^"/, ""), start: from, end: token.end };
  }
  return { kind: "key", prefix: query.slice(start, at), start, end: token.end };
}

/** Keys (with what they mean) or values matching what is typed, each with the query it produces. */
export function suggest(query: string, cursor: number, sources: SuggestionSources = {}): Suggestion[] {
  const ctx = suggestionContext(query, cursor);
  const prefix = ctx.prefix.toLowerCase();
  if (ctx.kind === "key") {
    const keys = [...KNOWN_KEYS, ...(sources.tagKeys ?? []).filter((k) => !KNOWN_KEYS.includes(k as never) && k !== "user")];
    return keys
      .filter((k) => k.toLowerCase().startsWith(prefix) && k.toLowerCase() !== prefix)
      .slice(0, 12)
      .map((key) => {
        const inserted = `${key}:`;
        return {
          label: inserted,
          detail: KEY_DESCRIPTIONS[key as keyof typeof KEY_DESCRIPTIONS] ?? "tag",
          query: query.slice(0, ctx.start) + inserted + query.slice(ctx.end),
          cursor: ctx.start + inserted.length,
        };
      });
  }
  const known = ctx.key.toLowerCase() === "firstseen" ? "firstSeen" : ctx.key.toLowerCase() === "lastseen" ? "lastSeen" : ctx.key.toLowerCase();
  const candidates = (Object.hasOwn(STATIC_VALUES, known) ? STATIC_VALUES[known] : undefined) ?? (known === "assigned" ? ["me", "my_teams", "none", ...(sources.assignees ?? [])] : (sources.values ?? []));
  return [...new Set(candidates)]
    .filter((v) => v.toLowerCase().startsWith(prefix) && v.toLowerCase() !== prefix)
    .slice(0, 12)
    .map((value) => {
      const inserted = `${quoteValue(value)} `;
      const rest = query.slice(ctx.end).replace(/^\s+/, "");
      return { label: value, query: query.slice(0, ctx.start) + inserted + rest, cursor: ctx.start + inserted.length };
    });
}

export { formatTerm };
