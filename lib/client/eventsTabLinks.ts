import type { EventFiltersParams } from "@/lib/client/hooks/useIssueEventQuery";

/** The tag keys the events can be filtered by (GET /api/v1/errors/:id/events), as their URL parameter. */
const FILTER_OF_TAG: Record<string, keyof EventFiltersParams> = { environment: "environment", release: "release", user: "user" };
const FILTERS: (keyof EventFiltersParams)[] = ["environment", "release", "user"];

/** The issue page's "All events" tab showing this events with a tag value; null for a tag the events cannot be filtered by. */
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
