import type { AssignedTarget, HasTarget, SearchTerm } from "@/lib/search/parseSearch";
import { HAS_FIELDS, isPlainTagKey } from "@/lib/search/searchVocabulary";

/** Writes terms back as search syntax; `parseSearch(formatSearch(t)).terms` equals `t`. */
export function formatSearch(terms: SearchTerm[]): string {
  return terms.map(formatTerm).join(" ");
}

export function formatTerm(term: SearchTerm): string {
  const bang = term.negated ? "!" : "";
  switch (term.key) {
    case "text":
      return `${bang}${quoteText(term.text)}`;
    case "firstSeen":
    case "lastSeen":
      return `${bang}${term.key}:${term.range.spec}`;
    case "assigned":
      return `${bang}assigned:${term.values.map((v) => quoteValue(assignedText(v))).join(",")}`;
    case "has":
      return `${bang}has:${term.values.map(hasText).join(",")}`;
    case "timesSeen":
      return `${bang}timesSeen:${term.op === "=" ? "" : term.op}${term.count}`;
    case "is":
    case "level":
    case "message":
    case "title":
    case "error.type":
      return `${bang}${term.key}:${(term.values as string[]).map(quoteValue).join(",")}`;
    case "tag":
      return `${bang}${tagKeyText(term.tag)}:${valueList(term.values, term.prefixes)}`;
    default:
      return `${bang}${term.key}:${valueList(term.values, term.prefixes)}`;
  }
}

/**
 * The term finding issues with an event tagged `key` = `value` (the issue page's tag links): the
 * environment, release and user through their own keys, any other tag by `key:` or `tags[key]:`.
 */
export function tagFilterText(key: string, value: string): string {
  if (key === "environment" || key === "release") return formatTerm({ key, negated: false, values: [value] });
  if (key === "user") return formatTerm({ key: "user.id", negated: false, values: [value] });
  return formatTerm({ key: "tag", tag: key, negated: false, values: [value] });
}

/** A tag's key as a search key: `route`, or `tags[k8s:pod]` / `tags["payment provider"]` for keys `key:` cannot name. */
export function tagKeyText(tag: string): string {
  if (isPlainTagKey(tag)) return tag;
  return /^[^\s"\\\]]+$/.test(tag) ? `tags[${tag}]` : `tags[${quote(tag)}]`;
}

/** Exact values, then prefixes (with their `*`). */
function valueList(values: string[], prefixes: string[] = []): string {
  return [...values.map(quoteValue), ...prefixes.map(quotePrefix)].join(",");
}

function assignedText(v: AssignedTarget): string {
  if (v.kind === "me" || v.kind === "my_teams" || v.kind === "none") return v.kind;
  return v.kind === "team" ? `#${v.slug}` : v.ref;
}

function hasText(v: HasTarget): string {
  if (v.kind === "assignee") return "assignee";
  // release, environment, user: has: names of their own; a tag named like another has: name (assignee) needs tags[…].
  if (["release", "environment", "user"].includes(v.tag)) return v.tag;
  if (isPlainTagKey(v.tag) && !Object.hasOwn(HAS_FIELDS, v.tag.toLowerCase())) return v.tag;
  // has:tags[k8s:pod] bare when it can be; else quoted (has:"tags[payment provider]").
  return /^[^\s",\\[\]]+$/.test(v.tag) ? `tags[${v.tag}]` : quote(`tags[${v.tag}]`);
}

const NEEDS_QUOTES = /[\s",[\]\\]/;

/**
 * An exact value: bare unless it holds spaces, quotes, commas, brackets or backslashes, or ends in
 * `*` (which bare would ask for a prefix).
 */
export function quoteValue(value: string): string {
  return value === "" || NEEDS_QUOTES.test(value) || value.startsWith("[") || value.endsWith("*") ? quote(value) : value;
}

/** A prefix: `web@2.*`, or `"web 2"*` when the text needs quotes. */
function quotePrefix(prefix: string): string {
  const bare = quoteValue(prefix);
  return bare === prefix && prefix !== "" ? `${prefix}*` : `${quote(prefix)}*`;
}

/** Free text also needs quotes when it would read as `key:value` or start with `!`. */
function quoteText(text: string): string {
  return NEEDS_QUOTES.test(text) || text.includes(":") || text.startsWith("!") || text.startsWith('"') ? quote(text) : text;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}
