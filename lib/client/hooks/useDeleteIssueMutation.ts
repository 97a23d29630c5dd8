import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { invalidateAlerts } from "@/lib/client/hooks/useAlertsQuery";
import { errorQueryKey } from "@/lib/client/hooks/useErrorQuery";
import type { DeletedIssue } from "@/lib/errors/deleteIssue";

/** DELETE /api/v1/errors/:id (admins); the lists, the dashboard and the alerts are read again after. */
export function useDeleteIssueMutation(errorId: string, onDeleted: (deleted: DeletedIssue) => void, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation<DeletedIssue, Error, void>({
    mutationFn: () => apiFetch<DeletedIssue>(`/api/v1/errors/${encodeURIComponent(errorId)}`, { method: "DELETE" }),
    onSuccess: (deleted) => {
      qc.removeQueries({ queryKey: errorQueryKey(errorId) });
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: ["errorTracking"] });
      // Its open alerts were closed.
      void invalidateAlerts(qc);
      onDeleted(deleted);
    },
    onError: (error) => onFailure(error.message),
  });
}
