import type { AssignedTarget, SearchTerm } from "@/lib/search/parseSearch";

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
    case "tag":
      return `${bang}${term.tag}:${term.values.map(quoteValue).join(",")}`;
    default:
      return `${bang}${term.key}:${(term.values as string[]).map(quoteValue).join(",")}`;
  }
}

function assignedText(v: AssignedTarget): string {
  if (v.kind === "me" || v.kind === "my_teams" || v.kind === "none") return v.kind;
  return v.kind === "team" ? `#${v.slug}` : v.ref;
}

const NEEDS_QUOTES = /[\s",[\]\\]/;

/** A value is bare unless it holds spaces, quotes, commas, brackets or backslashes. */
export function quoteValue(value: string): string {
  return value === "" || NEEDS_QUOTES.test(value) || value.startsWith("[") ? quote(value) : value;
}

/** Free text also needs quotes when it would read as `key:value` or start with `!`. */
function quoteText(text: string): string {
  return NEEDS_QUOTES.test(text) || text.includes(":") || text.startsWith("!") || text.startsWith('"') ? quote(text) : text;
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}
