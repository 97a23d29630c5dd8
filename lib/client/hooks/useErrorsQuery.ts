import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { ErrorSummary } from "@/lib/errors/errorDto";

export interface ErrorsPage {
  items: ErrorSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/** GET /api/v1/errors with the given filters; polls so new errors appear without reload. */
export function useErrorsQuery(params: Record<string, string | undefined>, enabled = true) {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  return useQuery({
    queryKey: ["errors", Object.fromEntries(search)],
    queryFn: () => apiFetch<ErrorsPage>(`/api/v1/errors?${search}`),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
    enabled,
  });
}
