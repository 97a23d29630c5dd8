import type { Severity } from "@/lib/domain/severity";
import { isStorableInstant } from "@/lib/domain/storableInstant";
import { tokenize, type RawToken } from "@/lib/search/tokenize";
import {
  DURATION_UNITS_MS,
  HAS_FIELDS,
  IS_VALUES,
  KEY_ALIASES,
  KNOWN_KEYS,
  LEVEL_ALIASES,
  MAX_DURATION_MS,
  MAX_QUERY_LENGTH,
  MAX_TAG_KEY_LENGTH,
  MAX_TERMS,
  MAX_VALUE_LENGTH,
  MAX_VALUES_PER_TERM,
  TAG_KEY_PATTERN,
  UNSUPPORTED_KEYS,
  type DateKey,
  type IsValue,
  type KnownKey,
  type TextFieldKey,
  type ValueKey,
} from "@/lib/search/searchVocabulary";

/** `assigned:` targets: me, my teams' issues, nobody (no person and no team), a member (email or id), `#team` (name or id). */
export type AssignedTarget = { kind: "me" } | { kind: "my_teams" } | { kind: "none" } | { kind: "user"; ref: string } | { kind: "team"; slug: string };

/** `has:` targets: an assignee (a person or a team), or a tag (release, environment, user and own tags). */
export type HasTarget = { kind: "assignee" } | { kind: "tag"; tag: string };

export type CountOp = ">" | ">=" | "<" | "<=" | "=";

export type DateRange =
  /** `-24h`: within the last 24 h; `+7d`: more than 7 days ago. */
  | { kind: "within" | "olderThan"; ms: number; spec: string }
  /** `>2026-01-31`, `<=2026-01-31T12:00:00Z`. */
  | { kind: "after" | "before"; at: string; inclusive: boolean; spec: string };

/**
 * `values` are matched exactly and `prefixes` (written with a trailing `*`) as prefixes; `prefixes`
 * is absent when there are none.
 */
export type SearchTerm =
  | { key: "is"; negated: boolean; values: IsValue[] }
  | { key: "level"; negated: boolean; values: Severity[] }
  | { key: ValueKey; negated: boolean; values: string[]; prefixes?: string[] }
  | { key: "assigned"; negated: boolean; values: AssignedTarget[] }
  | { key: DateKey; negated: boolean; range: DateRange }
  | { key: "tag"; tag: string; negated: boolean; values: string[]; prefixes?: string[] }
  | { key: "has"; negated: boolean; values: HasTarget[] }
  | { key: TextFieldKey; negated: boolean; values: string[] }
  | { key: "timesSeen"; negated: boolean; op: CountOp; count: number }
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

const KNOWN_BY_LOWER = new Map<string, KnownKey>([...KNOWN_KEYS.map((k): [string, KnownKey] => [k.toLowerCase(), k]), ...Object.entries(KEY_ALIASES)]);
const UNSUPPORTED_BY_LOWER = new Map(Object.entries(UNSUPPORTED_KEYS).map(([k, hint]) => [k.toLowerCase(), hint]));

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

  if (token.explicitTag) return tagTerm(token, token.key, fail);
  const known = KNOWN_BY_LOWER.get(token.key.toLowerCase());
  const unsupported = known ? undefined : UNSUPPORTED_BY_LOWER.get(token.key.toLowerCase());
  if (unsupported !== undefined) return void fail(`${token.key}: is not supported (${unsupported}); a tag of that name is tags[${token.key}]:`);
  if (!known) {
    if (!TAG_KEY_PATTERN.test(token.key)) return void fail(`"${token.key}" is not a tag name`);
    return tagTerm(token, token.key, fail);
  }
  // Keys that take no prefix read a trailing star as part of the value.
  const values = token.values.map((v) => (v.prefix ? `${v.value}*` : v.value));
  if (!checkValues(known, values, fail)) return undefined;

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
    case "lastSeen":
    case "age": {
      // Sentry's age: is the time since the issue was first seen.
      const key = known === "age" ? "firstSeen" : known;
      if (values.length > 1) return void fail(`${known}: takes one value`);
      const range = dateRange(values[0]);
      if (!range) return void fail(`${known}: "${values[0]}" is not a time: use -24h, +7d, >2026-01-31 or <2026-01-31T12:00:00Z`);
      // Year 0000 parses, but is no PostgreSQL timestamp: the list would answer 500.
      if ("at" in range && !isStorableInstant(Date.parse(range.at))) return void fail(`${known}: "${values[0]}" must be between 1970 and 9999`);
      return { key, negated, range };
    }
    case "timesSeen": {
      if (values.length > 1) return void fail(`timesSeen: takes one value`);
      const m = /^(>=|<=|>|<|=)?(\d{1,10})$/.exec(values[0]);
      const count = m ? Number(m[2]) : NaN;
      if (!m || count > 2_147_483_647) return void fail(`timesSeen: "${values[0]}" is not a count: use >100, <=5 or 42`);
      return { key: "timesSeen", negated, op: (m[1] ?? "=") as CountOp, count };
    }
    case "has": {
      const targets: HasTarget[] = [];
      for (const value of values) {
        const target = hasTarget(value);
        if (typeof target === "string") return void fail(target);
        targets.push(target);
      }
      return { key: "has", negated, values: dedupeBy(targets, (t) => (t.kind === "tag" ? `tag:${t.tag}` : t.kind)) };
    }
    case "message":
    case "title":
    case "error.type":
      // Words anywhere in the text: a trailing * adds nothing.
      return { key: known, negated, values: dedupe(token.values.map((v) => v.value)) };
    case "release":
      if (token.values.some((v) => !v.quoted && !v.prefix && v.value.toLowerCase() === "latest")) {
        return void fail(`release: "latest" (Sentry's latest release) is not supported: name the release (or quote it: release:"latest")`);
      }
      return valueTerm("release", negated, token);
    case "project":
    case "category":
    case "environment":
    case "firstRelease":
    case "user.id":
    case "platform":
      return valueTerm(known, negated, token);
  }
}

/** The common checks of a term's values: at least one, none empty, not too many, none too long. */
function checkValues(name: string, values: string[], fail: (message: string) => void): boolean {
  const problem =
    values.length === 0 || values.some((v) => v === "")
      ? `${name}: needs a value`
      : values.length > MAX_VALUES_PER_TERM
        ? `${name}: at most ${MAX_VALUES_PER_TERM} values`
        : values.some((v) => v.length > MAX_VALUE_LENGTH)
          ? `${name}: a value is longer than ${MAX_VALUE_LENGTH} characters`
          : null;
  if (problem) fail(problem);
  return problem === null;
}

/** Exact values and prefixes (`prefixes` only when there are some). */
function splitValues(token: RawToken): { values: string[]; prefixes?: string[] } {
  const values = dedupe(token.values.filter((v) => !v.prefix).map((v) => v.value));
  const prefixes = dedupe(token.values.filter((v) => v.prefix).map((v) => v.value));
  return prefixes.length > 0 ? { values, prefixes } : { values };
}

function valueTerm(key: ValueKey, negated: boolean, token: RawToken): SearchTerm {
  return { key, negated, ...splitValues(token) };
}

function tagTerm(token: RawToken, tag: string, fail: (message: string) => void): SearchTerm | undefined {
  if (tag.trim() === "") return void fail("tags[]: needs a tag key");
  if (tag.length > MAX_TAG_KEY_LENGTH) return void fail(`a tag key is longer than ${MAX_TAG_KEY_LENGTH} characters`);
  if (!checkValues(tag, token.values.map((v) => v.value), fail)) return undefined;
  return { key: "tag", tag, negated: token.negated, ...splitValues(token) };
}

/** A `has:` value: assignee, release, user, environment, a tag key, or `tags[<any key>]`; else what is wrong. */
function hasTarget(value: string): HasTarget | string {
  if (value.startsWith("tags[") && value.endsWith("]")) {
    const tag = value.slice(5, -1);
    if (tag.trim() === "" || tag.length > MAX_TAG_KEY_LENGTH) return `has: "${value}" names no tag key`;
    return { kind: "tag", tag };
  }
  const field = Object.hasOwn(HAS_FIELDS, value.toLowerCase()) ? HAS_FIELDS[value.toLowerCase()] : undefined;
  if (field === "assignee") return { kind: "assignee" };
  if (field) return { kind: "tag", tag: field };
  const lower = value.toLowerCase();
  if (KNOWN_BY_LOWER.has(lower) || UNSUPPORTED_BY_LOWER.has(lower)) {
    return `has: "${value}" is not supported: use assignee, release, user, environment, a tag (has:tags[${value}] for a tag of that name)`;
  }
  if (!TAG_KEY_PATTERN.test(value)) return `has: "${value}" is not a tag name: write has:tags[${value}]`;
  return { kind: "tag", tag: value };
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
  const dateOnly = abs[2].length === 10;
  const text = dateOnly ? `${abs[2]}T00:00:00Z` : /Z|[+-]\d{2}:?\d{2}$/.test(abs[2]) ? abs[2] : `${abs[2]}Z`;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  const op = abs[1];
  const kind = op.startsWith(">") ? "after" : "before";
  // A date is the whole UTC day: on or before it (<=) includes its last millisecond, after it (>)
  // starts the next day; before it (<) and from it (>=) start at its midnight.
  if (dateOnly && (op === "<=" || op === ">")) {
    const lastMs = new Date(at.getTime() + 86_400_000 - 1);
    return { kind, at: lastMs.toISOString(), inclusive: op === "<=", spec };
  }
  return { kind, at: at.toISOString(), inclusive: op.endsWith("="), spec };
}

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function dedupeBy<T>(values: T[], keyOf: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(keyOf(v)) && Boolean(seen.add(keyOf(v))));
}
