import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { IssueFeedbackList } from "@/lib/feedback/listIssueFeedback";

/** GET /api/v1/errors/:id/feedback — user feedback on the issue's events, newest first. */
export function useIssueFeedbackQuery(errorId: string) {
  return useQuery({
    queryKey: ["issueFeedback", errorId],
    queryFn: ({ signal }) => apiFetch<IssueFeedbackList>(`/api/v1/errors/${encodeURIComponent(errorId)}/feedback`, { signal }),
    refetchInterval: POLL_MS * 3,
  });
}
