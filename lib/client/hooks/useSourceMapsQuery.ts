import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { SourceMapList } from "@/lib/sourcemaps/listSourceMaps";

/** GET /api/v1/projects/:projectId/sourcemaps. */
export function useSourceMapsQuery(projectId: string) {
  return useQuery({
    queryKey: ["project", projectId, "sourcemaps"],
    queryFn: ({ signal }) => apiFetch<SourceMapList>(`/api/v1/projects/${projectId}/sourcemaps`, { signal }),
  });
}
