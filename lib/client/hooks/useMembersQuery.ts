import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { MemberList } from "@/lib/workspaces/listMembers";

/** GET /api/v1/workspaces/:id/members — for the assignee picker. */
export function useMembersQuery(workspaceId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["members", workspaceId],
    queryFn: ({ signal }) => apiFetch<MemberList>(`/api/v1/workspaces/${workspaceId}/members`, { signal }),
    enabled: Boolean(workspaceId) && enabled,
    staleTime: 60_000,
  });
}
