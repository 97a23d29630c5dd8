import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { ProjectInfo } from "@/lib/projects/getProject";
import type { UpdateProjectInput } from "@/lib/projects/projectSchemas";

/** GET /api/v1/projects/:id — name and the numeric publicId used in DSNs. */
export function useProjectQuery(projectId: string) {
  return useQuery({
    queryKey: ["project", projectId],
    queryFn: ({ signal }) => apiFetch<ProjectInfo>(`/api/v1/projects/${encodeURIComponent(projectId)}`, { signal }),
    staleTime: 60_000,
  });
}

/** PATCH /api/v1/projects/:id (admins): any subset of the settings; the project is read again after. */
export function useUpdateProjectMutation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation<ProjectInfo, Error, UpdateProjectInput>({
    mutationFn: (changes) => apiFetch<ProjectInfo>(`/api/v1/projects/${encodeURIComponent(projectId)}`, { method: "PATCH", json: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["project", projectId] }),
  });
}
