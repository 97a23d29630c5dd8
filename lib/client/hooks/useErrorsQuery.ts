import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { timeframeSince } from "@/lib/client/timeframes";
import type { AssignedFilter } from "@/lib/domain/assignedFilter";
import type { Timeframe } from "@/lib/domain/timeframe";
import type { NumberedErrorListPage } from "@/lib/errors/listErrors";

/** The dashboard pages by number (it shows page numbers), never by cursor. */
export type ErrorsPage = NumberedErrorListPage;

export interface ErrorsFilters {
  workspaceId?: string;
  projectId?: string;
  environment?: string;
  severity?: string;
  status?: string;
  category?: string;
  q?: string;
  /** The search syntax. */
  query?: string;
  /** me | my_teams | none (links made before the search's `assigned:` term). */
  assigned?: AssignedFilter;
  /** Period of each row's count and sparkline. */
  statsPeriod?: Timeframe;
  sort?: string;
  order?: "asc" | "desc";
  page?: number;
  pageSize?: number;
  /** Relative window, turned into `since` (the view's window start) when the request is made (so the key stays stable). */
  timeframe?: Timeframe;
  since?: string;
  until?: string;
}

export const POLL_MS = 5_000;

/** GET /api/v1/errors with the given filters; polls so new errors appear without reload. */
export function useErrorsQuery(filters: ErrorsFilters, enabled = true) {
  return useQuery({
    queryKey: ["errors", filters],
    queryFn: ({ signal }) => apiFetch<ErrorsPage>(`/api/v1/errors?${toSearch(filters)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function toSearch({ timeframe, ...filters }: ErrorsFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "" && value !== null) search.set(key, String(value));
  }
  if (timeframe && !filters.since) search.set("since", timeframeSince(timeframe));
  return search;
}
