import { formatSearch } from "@/lib/search/formatSearch";
import { parseSearch, type SearchTerm } from "@/lib/search/parseSearch";
import type { AssignedFilter } from "@/lib/domain/assignedFilter";
import type { IsValue } from "@/lib/search/searchVocabulary";

/**
 * Edits of a search string made by buttons (status chips, the category picker, a tag link): the
 * query is parsed, the positive terms of one key are replaced, and the rest is kept as written.
 * A query that does not parse is edited by appending, so nothing the user typed is lost.
 */

/** The values of the positive `is:` term(s). */
export function isValues(query: string): IsValue[] {
  return parseSearch(query).terms.flatMap((t) => (t.key === "is" && !t.negated ? t.values : []));
}

/** Adds the value to the positive `is:` list, or takes it out. */
export function toggleIsValue(query: string, value: IsValue): string {
  const current = isValues(query);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return replaceTerms(query, (t) => t.key === "is" && !t.negated, next.length ? [{ key: "is", negated: false, values: next }] : []);
}

/** Sets the positive `key:` term to these values (none: removes it). */
export function setValues(query: string, key: "category" | "environment" | "release" | "user.id", values: string[]): string {
  return replaceTerms(query, (t) => t.key === key && !t.negated, values.length ? [{ key, negated: false, values }] : []);
}

export function positiveValues(query: string, key: "category" | "environment" | "release" | "user.id"): string[] {
  return parseSearch(query).terms.flatMap((t) => (t.key === key && !t.negated ? t.values : []));
}

/** The assignment picker's value: the one positive `assigned:` term when it is me, my_teams or none. */
export function assignedFilterOf(query: string): AssignedFilter | null {
  const terms = parseSearch(query).terms.filter((t) => t.key === "assigned" && !t.negated);
  if (terms.length !== 1 || terms[0].key !== "assigned" || terms[0].values.length !== 1) return null;
  const kind = terms[0].values[0].kind;
  return kind === "me" || kind === "my_teams" || kind === "none" ? kind : null;
}

/** Sets the positive `assigned:` term to me, my_teams or none (null: removes it). */
export function setAssigned(query: string, value: AssignedFilter | null): string {
  return replaceTerms(query, (t) => t.key === "assigned" && !t.negated, value ? [{ key: "assigned", negated: false, values: [{ kind: value }] }] : []);
}

function replaceTerms(query: string, matches: (t: SearchTerm) => boolean, replacement: SearchTerm[]): string {
  const parsed = parseSearch(query);
  if (parsed.errors.length > 0) return [query.trim(), formatSearch(replacement)].filter(Boolean).join(" ");
  const at = parsed.terms.findIndex(matches);
  const kept = parsed.terms.filter((t) => !matches(t));
  kept.splice(at === -1 ? kept.length : at, 0, ...replacement);
  return formatSearch(kept);
}
