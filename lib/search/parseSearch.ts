import type { Severity } from "@/lib/domain/severity";
import { isStorableInstant } from "@/lib/domain/storableInstant";
import { tokenize, type RawToken } from "@/lib/search/tokenize";
import {
  DURATION_UNITS_MS,
  IS_VALUES,
  KNOWN_KEYS,
  LEVEL_ALIASES,
  MAX_DURATION_MS,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  MAX_VALUE_LENGTH,
  MAX_VALUES_PER_TERM,
  TAG_KEY_PATTERN,
  type DateKey,
  type IsValue,
  type KnownKey,
} from "@/lib/search/searchVocabulary";

/** `assigned:` targets: me, my teams' issues, nobody (no person and no team), a member (email or id), `#team` (name or id). */
export type AssignedTarget = { kind: "me" } | { kind: "my_teams" } | { kind: "none" } | { kind: "user"; ref: string } | { kind: "team"; slug: string };

export type DateRange =
  /** `-24h`: within the last 24 h; `+7d`: more than 7 days ago. */
  | { kind: "within" | "olderThan"; ms: number; spec: string }
  /** `>2026-01-31`, `<=2026-01-31T12:00:00Z`. */
  | { kind: "after" | "before"; at: string; inclusive: boolean; spec: string };

export type SearchTerm =
  | { key: "is"; negated: boolean; values: IsValue[] }
  | { key: "level"; negated: boolean; values: Severity[] }
  | { key: "project" | "category" | "environment" | "release" | "firstRelease" | "user.id"; negated: boolean; values: string[] }
  | { key: "assigned"; negated: boolean; values: AssignedTarget[] }
  | { key: DateKey; negated: boolean; range: DateRange }
  | { key: "tag"; tag: string; negated: boolean; values: string[] }
  | { key: "text"; negated: boolean; text: string };

export interface SearchError {
  message: string;
  start: number;
  end: number;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  errors: SearchError[];
}

const KNOWN_BY_LOWER = new Map<string, KnownKey>(KNOWN_KEYS.map((k) => [k.toLowerCase(), k]));

/**
 * Parses the issue-list search syntax. Pure and total: any string gives terms plus errors (each with
 * its position); callers refuse a query with errors (the API answers 422 naming `query`).
 * Terms are ANDed; a comma list inside one term is ORed; `!` negates a term.
 */
export function parseSearch(input: string): ParsedSearch {
  const errors: SearchError[] = [];
  let query = input;
  if (query.length > MAX_QUERY_LENGTH) {
    errors.push({ message: `the search is longer than ${MAX_QUERY_LENGTH} characters`, start: MAX_QUERY_LENGTH, end: query.length });
    query = query.slice(0, MAX_QUERY_LENGTH);
  }
  const tokens = tokenize(query);
  if (tokens.length > MAX_TERMS) {
    errors.push({ message: `a search may have at most ${MAX_TERMS} terms`, start: tokens[MAX_TERMS].start, end: query.length });
  }
  const terms: SearchTerm[] = [];
  for (const token of tokens.slice(0, MAX_TERMS)) {
    const fail = (message: string) => errors.push({ message, start: token.start, end: token.end });
    if (token.trailing) {
      fail(`unexpected "${token.trailing}" after a value`);
      continue;
    }
    const term = toTerm(token, fail);
    if (term) terms.push(term);
  }
  return { terms, errors };
}

function toTerm(token: RawToken, fail: (message: string) => void): SearchTerm | undefined {
  const { negated } = token;
  if (token.key === undefined) {
    const text = token.values[0]?.value.trim() ?? "";
    if (!text) {
      fail(negated ? "! must be followed by a term" : "empty quotes");
      return undefined;
    }
    if (text.length > MAX_VALUE_LENGTH) {
      fail(`text longer than ${MAX_VALUE_LENGTH} characters`);
      return undefined;
    }
    return { key: "text", negated, text };
  }

  const known = KNOWN_BY_LOWER.get(token.key.toLowerCase());
  const name = known ?? token.key;
  const values = token.values.map((v) => v.value);
  if (values.length === 0 || values.some((v) => v === "")) {
    fail(`${name}: needs a value`);
    return undefined;
  }
  if (values.length > MAX_VALUES_PER_TERM) {
    fail(`${name}: at most ${MAX_VALUES_PER_TERM} values`);
    return undefined;
  }
  const tooLong = values.find((v) => v.length > MAX_VALUE_LENGTH);
  if (tooLong) {
    fail(`${name}: a value is longer than ${MAX_VALUE_LENGTH} characters`);
    return undefined;
  }

  switch (known) {
    case "is": {
      const bad = values.find((v) => !IS_VALUES.includes(v.toLowerCase() as IsValue));
      if (bad !== undefined) return void fail(`is: "${bad}" is not one of ${IS_VALUES.join(", ")}`);
      return { key: "is", negated, values: dedupe(values.map((v) => v.toLowerCase() as IsValue)) };
    }
    case "level": {
      const bad = values.find((v) => !Object.hasOwn(LEVEL_ALIASES, v.toLowerCase()));
      if (bad !== undefined) return void fail(`level: "${bad}" is not one of critical, high, medium, low (or fatal, error, warning, info, debug)`);
      return { key: "level", negated, values: dedupe(values.map((v) => LEVEL_ALIASES[v.toLowerCase()])) };
    }
    case "assigned":
      return { key: "assigned", negated, values: values.map(assignedTarget) };
    case "firstSeen":
    case "lastSeen": {
      if (values.length > 1) return void fail(`${known}: takes one value`);
      const range = dateRange(values[0]);
      if (!range) return void fail(`${known}: "${values[0]}" is not a time: use -24h, +7d, >2026-01-31 or <2026-01-31T12:00:00Z`);
      // Year 0000 parses, but is no PostgreSQL timestamp: the list would answer 500.
      if ("at" in range && !isStorableInstant(Date.parse(range.at))) return void fail(`${known}: "${values[0]}" must be between 1970 and 9999`);
      return { key: known, negated, range };
    }
    case "project":
    case "category":
    case "environment":
    case "release":
    case "firstRelease":
    case "user.id":
      return { key: known, negated, values: dedupe(values) };
    default:
      if (!TAG_KEY_PATTERN.test(token.key)) return void fail(`"${token.key}" is not a tag name`);
      return { key: "tag", tag: token.key, negated, values: dedupe(values) };
  }
}

function assignedTarget(value: string): AssignedTarget {
  const lower = value.toLowerCase();
  if (lower === "me") return { kind: "me" };
  if (lower === "none") return { kind: "none" };
  if (lower === "my_teams") return { kind: "my_teams" };
  if (value.startsWith("#") && value.length > 1) return { kind: "team", slug: value.slice(1) };
  return { kind: "user", ref: value };
}

const RELATIVE = /^([-+])(\d{1,9})([mhdw])$/;
const ABSOLUTE = /^(>=|<=|>|<)(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/;

function dateRange(spec: string): DateRange | undefined {
  const rel = RELATIVE.exec(spec);
  if (rel) {
    const ms = Number(rel[2]) * DURATION_UNITS_MS[rel[3]];
    if (ms <= 0 || ms > MAX_DURATION_MS) return undefined;
    return { kind: rel[1] === "-" ? "within" : "olderThan", ms, spec };
  }
  const abs = ABSOLUTE.exec(spec);
  if (!abs) return undefined;
  // A date without a zone is a UTC date; a date-time without a zone is UTC too.
  const text = abs[2].length === 10 ? `${abs[2]}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(abs[2]) ? abs[2] : `${abs[2]}Z`;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  const op = abs[1];
  return { kind: op.startsWith(">") ? "after" : "before", at: at.toISOString(), inclusive: op.endsWith("="), spec };
}

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}
