import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { invalidateAlerts } from "@/lib/client/hooks/useAlertsQuery";
import { errorQueryKey } from "@/lib/client/hooks/useErrorQuery";
import type { DiscardState } from "@/lib/errors/triage/discardIssue";

/** POST (discard: true) or DELETE (false) /api/v1/errors/:id/discard; the issue and the lists are read again after. */
export function useDiscardIssueMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation<DiscardState, Error, boolean>({
    mutationFn: (discard) => apiFetch<DiscardState>(`/api/v1/errors/${encodeURIComponent(errorId)}/discard`, { method: discard ? "POST" : "DELETE" }),
    onError: (error) => onFailure(error.message),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: errorQueryKey(errorId) });
      void qc.invalidateQueries({ queryKey: ["errors"] });
      // Discarding ignores the issue, which closes its open alerts.
      void invalidateAlerts(qc);
    },
  });
}
