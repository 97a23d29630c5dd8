import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { TeamList } from "@/lib/teams/listTeams";

/** GET /api/v1/workspaces/:id/teams. */
export function useTeamsQuery(workspaceId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["teams", workspaceId],
    queryFn: ({ signal }) => apiFetch<TeamList>(`/api/v1/workspaces/${workspaceId}/teams`, { signal }),
    enabled: Boolean(workspaceId) && enabled,
    staleTime: 60_000,
  });
}
