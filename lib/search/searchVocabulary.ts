import { SEVERITIES, type Severity } from "@/lib/domain/severity";

/** The issue-list search syntax's words: keys, the values some of them take, and their limits. */

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 40;
export const MAX_VALUES_PER_TERM = 20;
export const MAX_VALUE_LENGTH = 200;

export const IS_VALUES = ["unresolved", "resolved", "ignored", "new", "acknowledged", "investigating", "assigned", "unassigned", "regressed"] as const;
export type IsValue = (typeof IS_VALUES)[number];

/** Sentry's level names are accepted too and mean our severities. */
export const LEVEL_ALIASES: Record<string, Severity> = {
  ...Object.fromEntries(SEVERITIES.map((s) => [s, s])),
  fatal: "critical",
  error: "high",
  warning: "medium",
  warn: "medium",
  info: "low",
  debug: "low",
};

export const DATE_KEYS = ["firstSeen", "lastSeen"] as const;
export type DateKey = (typeof DATE_KEYS)[number];

/** Keys whose values are exact strings or prefixes (`*` at the end). */
export const VALUE_KEYS = ["project", "category", "environment", "release", "firstRelease", "user.id", "platform"] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];

/** Keys searching a text column for words (contains, ignoring case): message, type, or either (title). */
export const TEXT_FIELD_KEYS = ["message", "title", "error.type"] as const;
export type TextFieldKey = (typeof TEXT_FIELD_KEYS)[number];

/** Keys with a meaning of their own; any other `key:value` filters on a tag. */
export const KNOWN_KEYS = ["is", "level", ...VALUE_KEYS, "assigned", ...DATE_KEYS, "has", ...TEXT_FIELD_KEYS, "timesSeen", "age"] as const;
export type KnownKey = (typeof KNOWN_KEYS)[number];

/** Other spellings of known keys (Sentry's). */
export const KEY_ALIASES: Record<string, KnownKey> = {
  times_seen: "timesSeen",
  "error.value": "message",
};

/** Sentry's `has:` names that are no tag: the others are tag keys (`has:route`, `has:tags[k8s:pod]`). */
export const HAS_FIELDS: Record<string, "assignee" | "release" | "user" | "environment"> = {
  assignee: "assignee",
  assigned: "assignee",
  release: "release",
  user: "user",
  "user.id": "user",
  environment: "environment",
};

/**
 * Sentry's own keys that Faultline does not search (what to use instead): refused (422 naming the
 * key) rather than read as a tag nobody has, which would silently find nothing. A tag of such a
 * name is searched as `tags[<key>]:value`.
 */
export const UNSUPPORTED_KEYS: Record<string, string> = {
  culprit: "the culprit is not stored per issue",
  "user.email": "search user.id: (an event's user id, or its email when it had no id)",
  "user.username": "search user.id: (an event's user id, or its email when it had no id)",
  "user.ip": "search user.id: (an event's user id, or its email when it had no id)",
  "issue.priority": "search level:",
  "issue.category": "search category:",
  "issue.type": "search category:",
  issue: "open the issue by its id",
  "issue.id": "open the issue by its id",
  "event.type": "every issue is an error",
  "event.timestamp": "search firstSeen: or lastSeen:",
  timestamp: "search firstSeen: or lastSeen:",
  "stack.filename": "frames are not searchable",
  "stack.function": "frames are not searchable",
  "stack.module": "frames are not searchable",
  "stack.abs_path": "frames are not searchable",
  "stack.package": "frames are not searchable",
  "error.mechanism": "search mechanism:",
  "error.handled": "search handled:yes or handled:no",
  "error.unhandled": "search handled:no",
  "release.version": "search release: (a trailing * matches a prefix)",
  "release.build": "search release: (a trailing * matches a prefix)",
  "release.package": "search release: (a trailing * matches a prefix)",
  "release.stage": "search release:",
  bookmarks: "follow the issue instead",
  bookmarked_by: "follow the issue instead",
  assigned_or_suggested: "search assigned:",
  "issue.seer_actionability": "there is no such rating",
};

export const KEY_DESCRIPTIONS: Record<KnownKey, string> = {
  is: "status: unresolved, resolved, ignored, assigned, unassigned…",
  level: "severity: critical, high, medium, low (or fatal, error, warning, info)",
  project: "a project's slug or name (a trailing * matches a prefix)",
  category: "category, e.g. database, timeout",
  environment: "environment of an event",
  release: "release of an event (a trailing * matches a prefix)",
  firstRelease: "the release an issue first appeared in (a trailing * matches a prefix)",
  "user.id": "a user who hit the error",
  platform: "the issue's platform, e.g. javascript, python",
  assigned: "me, my_teams, none, a member's email, or #team",
  firstSeen: "-24h (within), +7d (older than), >2026-01-31; replaces the timeframe",
  lastSeen: "-1h (within), +30d (older than), <2026-01-31; replaces the timeframe",
  has: "has a value for: assignee, release, user, environment or a tag",
  message: "words in the message (error.value: too)",
  title: "words in the type or message",
  "error.type": "words in the exception type",
  timesSeen: "events in all: >100, <=5, 42",
  age: "first seen: -24h (within), +7d (older than)",
};

/** Relative durations: `-24h` within the last 24 hours, `+7d` more than 7 days ago. */
export const DURATION_UNITS_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};
export const MAX_DURATION_MS = 10 * 366 * 86_400_000;

/** Tag keys the search accepts as `key:value`: letters, digits and `_ . - /` (what SDK tag keys look like). */
export const TAG_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,199}$/;

/** The longest tag key (the per-issue tag rollup keeps no longer ones). */
export const MAX_TAG_KEY_LENGTH = 200;

const RESERVED = new Set<string>([...KNOWN_KEYS, ...Object.keys(KEY_ALIASES), ...Object.keys(UNSUPPORTED_KEYS)].map((k) => k.toLowerCase()));

/**
 * Whether a tag can be searched as `key:value`: a key of the pattern that names no key of the
 * syntax (ignoring case). Any other tag (`payment provider`, `k8s:pod`, a tag named `level`) is
 * searched as `tags[<key>]:value`.
 */
export function isPlainTagKey(key: string): boolean {
  return TAG_KEY_PATTERN.test(key) && !RESERVED.has(key.toLowerCase());
}
