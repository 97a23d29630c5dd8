import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { SourceMapList } from "@/lib/sourcemaps/listSourceMaps";

const sourceMapsKey = (projectId: string) => ["project", projectId, "sourcemaps"] as const;
const sourceMapsUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/sourcemaps`;

/** GET /api/v1/projects/:projectId/sourcemaps. */
export function useSourceMapsQuery(projectId: string) {
  return useQuery({
    queryKey: sourceMapsKey(projectId),
    queryFn: ({ signal }) => apiFetch<SourceMapList>(sourceMapsUrl(projectId), { signal }),
  });
}

/** DELETE /api/v1/projects/:projectId/sourcemaps/:sourceMapId. */
export function useDeleteSourceMapMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { sourceMapId: string }>({
    mutationFn: ({ sourceMapId }) => apiFetch(`${sourceMapsUrl(projectId)}/${encodeURIComponent(sourceMapId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: sourceMapsKey(projectId) }),
  });
}
