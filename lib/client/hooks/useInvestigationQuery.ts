import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { Investigation } from "@/lib/investigation/getInvestigation";

const key = (errorId: string) => ["investigation", errorId] as const;

/** GET /api/v1/errors/:id/investigation */
export function useInvestigationQuery(errorId: string) {
  return useQuery({ queryKey: key(errorId), queryFn: ({ signal }) => apiFetch<Investigation>(`/api/v1/errors/${encodeURIComponent(errorId)}/investigation`, { signal }), staleTime: 30_000 });
}

/** PUT /api/v1/errors/:id/investigation/checks — optimistic tick, rolled back on failure. */
export function useSetCheckMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation<unknown, Error, { key: string; checked: boolean }, Investigation | undefined>({
    mutationFn: (input) => apiFetch(`/api/v1/errors/${encodeURIComponent(errorId)}/investigation/checks`, { method: "PUT", json: input }),
    onMutate: async (input) => {
      await qc.cancelQueries({ queryKey: key(errorId) });
      const before = qc.getQueryData<Investigation>(key(errorId));
      qc.setQueryData<Investigation>(key(errorId), (d) => d && { ...d, recommendations: d.recommendations.map((r) => (r.key === input.key ? { ...r, checked: input.checked } : r)) });
      return before;
    },
    onError: (error, _input, before) => {
      qc.setQueryData(key(errorId), before);
      onFailure(error.message);
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: key(errorId) }),
  });
}
