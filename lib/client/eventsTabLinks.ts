import type { EventFiltersParams } from "@/lib/client/hooks/useIssueEventQuery";
import { positiveValues } from "@/lib/search/editSearch";

/** The tag keys the issue's events can be filtered by (GET /api/v1/errors/:id/events), as their URL parameter. */
const FILTER_OF_TAG: Record<string, keyof EventFiltersParams> = { environment: "environment", release: "release", user: "user" };
/** The issue's event filters in the order the page shows them, each with its label. */
export const EVENT_FILTER_FIELDS: readonly [keyof EventFiltersParams, string][] = [
  ["environment", "Environment"],
  ["release", "Release"],
  ["user", "User"],
];
const FILTERS = EVENT_FILTER_FIELDS.map(([key]) => key);

/** The issue page's "All events" tab showing this issue's events with a tag value; null for a tag the events cannot be filtered by. */
export function eventsWithTagHref(errorId: string, key: string, value: string): string | null {
  const filter = FILTER_OF_TAG[key];
  if (!filter) return null;
  return `/errors/${encodeURIComponent(errorId)}?${new URLSearchParams({ tab: "events", [filter]: value })}`;
}

/** The events tab's filters carried by the issue page's URL (a tag link, a shared link). */
export function eventFiltersOf(params: Pick<URLSearchParams, "get">): EventFiltersParams {
  const out: EventFiltersParams = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** The filters typed in the events tab as the page's URL keeps them: trimmed (a pasted value's spaces), a blank field no filter. */
export function typedEventFilters(draft: EventFiltersParams): EventFiltersParams {
  const out: EventFiltersParams = {};
  for (const key of FILTERS) {
    const value = draft[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** The page's URL parameters for a set of event filters: each filter's value, null (dropped from the URL) for those not set. */
export function eventFilterParams(filters: EventFiltersParams): Record<keyof EventFiltersParams, string | null> {
  return { environment: filters.environment || null, release: filters.release || null, user: filters.user || null };
}

/** The same string for the same filters, whatever their order or blank fields: tells two sets of filters apart. */
export function eventFiltersKey(filters: EventFiltersParams): string {
  return JSON.stringify(FILTERS.map((key) => filters[key] || null));
}

/** The list's search keys that are an issue page's event filters, and the parameter each becomes. */
const FILTER_OF_TERM = [
  ["environment", "environment"],
  ["release", "release"],
  ["user.id", "user"],
] as const;

/**
 * An issue's page opened from the issue list: the list's environment (its `env=` scope, else one
 * exact `environment:` value in the search), release and user (one exact `release:` / `user.id:`
 * value) carried as the page's event filters, so its events tab shows the events the list was
 * narrowed to. A term with several values, a wildcard or a negation carries nothing.
 */
export function issuePageHref(errorId: string, list: { environment: string | null; query: string }): string {
  const search = new URLSearchParams();
  for (const [term, filter] of FILTER_OF_TERM) {
    const values = positiveValues(list.query, term);
    const value = term === "environment" && list.environment ? list.environment : values.length === 1 && !values[0].includes("*") ? values[0] : null;
    if (value) search.set(filter, value);
  }
  const qs = search.toString();
  return `/errors/${encodeURIComponent(errorId)}${qs ? `?${qs}` : ""}`;
}
