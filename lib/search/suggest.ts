import { tokenize } from "@/lib/search/tokenize";
import { formatTerm, quoteValue, tagKeyText } from "@/lib/search/formatSearch";
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

/**
 * What the suggestions are about at the cursor: a key being typed, or the value of a key (`tag`:
 * the key was written `tags[<key>]:`, so it is a tag whatever its name).
 */
export type SuggestionContext =
  | { kind: "key"; prefix: string; start: number; end: number }
  | { kind: "value"; key: string; tag?: true; prefix: string; start: number; end: number };

const STATIC_VALUES: Record<string, string[]> = {
  is: [...IS_VALUES],
  level: ["critical", "high", "medium", "low"],
  firstseen: ["-1h", "-24h", "-7d", "-30d", "+7d"],
  lastseen: ["-1h", "-24h", "-7d", "+30d"],
  age: ["-1h", "-24h", "-7d", "+30d"],
  timesseen: [">10", ">100", ">1000"],
  times_seen: [">10", ">100", ">1000"],
};

/** Keys whose values are not asked of the server: fixed lists, members, words or counts. */
const NOT_FROM_SERVER = new Set(["is", "level", "assigned", "firstseen", "lastseen", "age", "timesseen", "times_seen", "has", "message", "title", "error.type", "error.value", "platform"]);

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
    return { kind: "value", key: token.key, ...(token.explicitTag && { tag: true as const }), prefix: query.slice(from, at).replace(/^"/, ""), start: from, end: token.end };
  }
  return { kind: "key", prefix: query.slice(start, at), start, end: token.end };
}

/** The key whose values the server is asked for at this context (a tag, environment, release…), or null. */
export function serverValuesKey(ctx: SuggestionContext): string | null {
  if (ctx.kind !== "value") return null;
  if (ctx.tag) return ctx.key;
  return NOT_FROM_SERVER.has(ctx.key.toLowerCase()) ? null : ctx.key;
}

/** Whether the suggestions at this context need the workspace's tag keys: a key being typed, or has:'s value. */
export function needsTagKeys(ctx: SuggestionContext): boolean {
  return ctx.kind === "key" || (!ctx.tag && ctx.key.toLowerCase() === "has");
}

/** Keys (with what they mean) or values matching what is typed, each with the query it produces. */
export function suggest(query: string, cursor: number, sources: SuggestionSources = {}): Suggestion[] {
  const ctx = suggestionContext(query, cursor);
  const prefix = ctx.prefix.toLowerCase();
  if (ctx.kind === "key") {
    // Tags by the key that names them: `route:`, or `tags[k8s:pod]:` for a key `key:` cannot name.
    // The derived user, environment and release tags are the known keys user.id, environment, release.
    const tags = (sources.tagKeys ?? []).filter((k) => !["user", "environment", "release"].includes(k)).map((k) => ({ key: k, text: tagKeyText(k) }));
    const keys = [...KNOWN_KEYS.map((k) => ({ key: k as string, text: k as string })), ...tags];
    return keys
      .filter(({ key, text }) => (key.toLowerCase().startsWith(prefix) || text.toLowerCase().startsWith(prefix)) && text.toLowerCase() !== prefix)
      .slice(0, 12)
      .map(({ key, text }) => {
        const inserted = `${text}:`;
        return {
          label: inserted,
          detail: text === key ? (KEY_DESCRIPTIONS[key as keyof typeof KEY_DESCRIPTIONS] ?? "tag") : "tag",
          query: query.slice(0, ctx.start) + inserted + query.slice(ctx.end),
          cursor: ctx.start + inserted.length,
        };
      });
  }
  const key = ctx.tag ? "" : ctx.key.toLowerCase();
  const candidates =
    key === "has"
      ? hasValues(sources.tagKeys ?? [])
      : ((Object.hasOwn(STATIC_VALUES, key) ? STATIC_VALUES[key] : undefined) ??
        (key === "assigned" ? ["me", "my_teams", "none", ...(sources.assignees ?? [])] : NOT_FROM_SERVER.has(key) ? [] : (sources.values ?? [])));
  return [...new Set(candidates)]
    .filter((v) => v.toLowerCase().startsWith(prefix) && v.toLowerCase() !== prefix)
    .slice(0, 12)
    .map((value) => {
      const inserted = `${key === "has" ? value : quoteValue(value)} `;
      const rest = query.slice(ctx.end).replace(/^\s+/, "");
      return { label: value, query: query.slice(0, ctx.start) + inserted + rest, cursor: ctx.start + inserted.length };
    });
}

/** has:'s values as written: the assignee, release, user, environment, then the other tags (`tags[…]` when needed). */
function hasValues(tagKeys: string[]): string[] {
  const tags = tagKeys
    .filter((k) => !["user", "environment", "release"].includes(k))
    .map((tag) => formatTerm({ key: "has", negated: false, values: [{ kind: "tag", tag }] }).slice("has:".length));
  return ["assignee", "release", "user", "environment", ...tags];
}

export { formatTerm };
