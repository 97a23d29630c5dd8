import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { SavedSearchList } from "@/lib/savedSearches/savedSearches";

const key = (workspaceId: string) => ["savedSearches", workspaceId] as const;

/** GET /api/v1/workspaces/:id/saved-searches */
export function useSavedSearchesQuery(workspaceId: string) {
  return useQuery({ queryKey: key(workspaceId), queryFn: ({ signal }) => apiFetch<SavedSearchList>(`/api/v1/workspaces/${workspaceId}/saved-searches`, { signal }), staleTime: 60_000 });
}

export function useSaveSearchMutation(workspaceId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: string }) => apiFetch(`/api/v1/workspaces/${workspaceId}/saved-searches`, { method: "POST", json: input }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(workspaceId) }),
    onError: (error) => onFailure(error.message),
  });
}

export function useDeleteSavedSearchMutation(workspaceId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/saved-searches/${id}`, { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(workspaceId) }),
    onError: (error) => onFailure(error.message),
  });
}
