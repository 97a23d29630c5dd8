import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

export const errorQueryKey = (errorId: string) => ["error", errorId] as const;

/** GET /api/v1/errors/:id — the selected error with its occurrences and audit trail. */
export function useErrorQuery(errorId: string | null) {
  return useQuery({
    queryKey: errorQueryKey(errorId ?? ""),
    queryFn: ({ signal }) => apiFetch<ErrorDetails>(`/api/v1/errors/${encodeURIComponent(errorId ?? "")}`, { signal }),
    enabled: Boolean(errorId),
    refetchInterval: POLL_MS,
  });
}
