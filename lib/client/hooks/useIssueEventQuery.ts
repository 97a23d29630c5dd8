import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { EventFilters } from "@/lib/errors/events/eventSchemas";
import type { EventView } from "@/lib/errors/events/getEvent";

/** The environment / release / user an issue's events are narrowed to (the schema's type). */
export type EventFiltersParams = EventFilters;

/** GET /api/v1/errors/:id/events/latest|oldest|:eventId — one event in full (not asked while `enabled` is false: an issue with no stored event). */
export function useIssueEventQuery(errorId: string, eventId: string | "latest" | "oldest", filters: EventFiltersParams = {}, enabled = true) {
  const search = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const path = eventId === "latest" || eventId === "oldest" ? eventId : encodeURIComponent(eventId);
  return useQuery({
    queryKey: ["issueEvent", errorId, eventId, filters],
    queryFn: ({ signal }) => apiFetch<EventView>(`/api/v1/errors/${encodeURIComponent(errorId)}/events/${path}${search ? `?${search}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });
}
