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

/** Keys with a meaning of their own; any other `key:value` filters on a tag. */
export const KNOWN_KEYS = ["is", "level", "project", "category", "environment", "release", "firstRelease", "user.id", "assigned", ...DATE_KEYS] as const;
export type KnownKey = (typeof KNOWN_KEYS)[number];

export const KEY_DESCRIPTIONS: Record<KnownKey, string> = {
  is: "status: unresolved, resolved, ignored, assigned, unassigned…",
  level: "severity: critical, high, medium, low (or fatal, error, warning, info)",
  project: "a project's slug or name (a trailing * matches a prefix)",
  category: "category, e.g. database, timeout",
  environment: "environment of an event",
  release: "release of an event (a trailing * matches a prefix)",
  firstRelease: "the release an issue first appeared in (a trailing * matches a prefix)",
  "user.id": "a user who hit the error",
  assigned: "me, my_teams, none, a member's email, or #team",
  firstSeen: "-24h (within), +7d (older than), >2026-01-31; replaces the timeframe",
  lastSeen: "-1h (within), +30d (older than), <2026-01-31; replaces the timeframe",
};

/** Relative durations: `-24h` within the last 24 hours, `+7d` more than 7 days ago. */
export const DURATION_UNITS_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};
export const MAX_DURATION_MS = 10 * 366 * 86_400_000;

/** Tag keys the search accepts: letters, digits and `_ . - /` (what SDK tag keys look like). */
export const TAG_KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]{0,199}$/;
