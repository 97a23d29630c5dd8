import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { Activity } from "@/lib/errors/activity/getActivity";

/** GET /api/v1/errors/:id/activity — 24 h and 30 d histograms. */
export function useIssueActivityQuery(errorId: string) {
  return useQuery({
    queryKey: ["issueActivity", errorId],
    queryFn: ({ signal }) => apiFetch<Activity>(`/api/v1/errors/${encodeURIComponent(errorId)}/activity`, { signal }),
    refetchInterval: POLL_MS * 3,
  });
}
