import { useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { EventFiltersParams } from "@/lib/client/hooks/useIssueEventQuery";
import type { EventsPage } from "@/lib/errors/events/listEvents";

/** GET /api/v1/errors/:id/events — the events tab, newest first, more pages on demand. */
export function useIssueEventsQuery(errorId: string, filters: EventFiltersParams) {
  return useInfiniteQuery({
    queryKey: ["issueEvents", errorId, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams(Object.entries({ ...filters, cursor: pageParam ?? undefined }).filter((e): e is [string, string] => Boolean(e[1])));
      return apiFetch<EventsPage>(`/api/v1/errors/${encodeURIComponent(errorId)}/events?${search}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
