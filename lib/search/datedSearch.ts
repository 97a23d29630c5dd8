import { parseSearch, type SearchTerm } from "@/lib/search/parseSearch";
import { DATE_KEYS, type DateKey } from "@/lib/search/searchVocabulary";

/**
 * Whether a search chooses its issues by date itself — a `lastSeen:` or `firstSeen:` term, negated
 * or not: the list then is not also cut to the view's window (its timeframe's `since`, a spike's
 * `since` / `until`), which would hide what the dates ask for (`lastSeen:<2026-11-15` under a 30-day
 * timeframe found nothing).
 */
export function choosesByDate(terms: SearchTerm[]): boolean {
  return terms.some((term) => DATE_KEYS.includes(term.key as DateKey));
}

/** choosesByDate of a search as typed (a search that does not parse chooses nothing). */
export function searchChoosesByDate(query: string): boolean {
  if (!query.trim()) return false;
  const parsed = parseSearch(query);
  return parsed.errors.length === 0 && choosesByDate(parsed.terms);
}
