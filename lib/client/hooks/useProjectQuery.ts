import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { ProjectInfo } from "@/lib/projects/getProject";

/** GET /api/v1/projects/:id — name and the numeric publicId used in DSNs. */
export function useProjectQuery(projectId: string) {
  return useQuery({
    queryKey: ["project", projectId],
    queryFn: ({ signal }) => apiFetch<ProjectInfo>(`/api/v1/projects/${encodeURIComponent(projectId)}`, { signal }),
    staleTime: 60_000,
  });
}
