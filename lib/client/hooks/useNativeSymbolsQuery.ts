import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { NativeSymbolFileDto } from "@/lib/native/nativeSymbolSchemas";

const symbolsKey = (projectId: string) => ["project", projectId, "native-symbols"] as const;
const symbolsUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/native-symbols`;

/** GET /api/v1/projects/:projectId/native-symbols. */
export function useNativeSymbolsQuery(projectId: string) {
  return useQuery({
    queryKey: symbolsKey(projectId),
    queryFn: ({ signal }) => apiFetch<{ items: NativeSymbolFileDto[] }>(symbolsUrl(projectId), { signal }),
  });
}

/** DELETE /api/v1/projects/:projectId/native-symbols/:debugId. */
export function useDeleteNativeSymbolsMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { debugId: string }>({
    mutationFn: ({ debugId }) => apiFetch(`${symbolsUrl(projectId)}/${encodeURIComponent(debugId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: symbolsKey(projectId) }),
  });
}
