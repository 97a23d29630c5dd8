import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { EraseEndUserInput } from "@/lib/endUsers/endUserSchemas";
import type { ErasureDto } from "@/lib/endUsers/erasure/erasureDto";

const erasuresKey = (workspaceId: string) => ["endUserErasures", workspaceId] as const;

/** GET /api/v1/workspaces/:id/end-users/erasures (admins): polled every 2 s while one is still running. */
export function useEndUserErasures(workspaceId: string) {
  return useQuery({
    queryKey: erasuresKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ items: ErasureDto[] }>(`/api/v1/workspaces/${workspaceId}/end-users/erasures`, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((e) => e.status === "pending") ? 2_000 : false),
  });
}

/** POST /api/v1/workspaces/:id/end-users/erase; the list is read again after (the dashboard too, once it is done). */
export function useEraseEndUser(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<ErasureDto, Error, EraseEndUserInput>({
    mutationFn: (input) => apiFetch<ErasureDto>(`/api/v1/workspaces/${workspaceId}/end-users/erase`, { method: "POST", json: input }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: erasuresKey(workspaceId) });
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: ["errorTracking"] });
    },
  });
}
