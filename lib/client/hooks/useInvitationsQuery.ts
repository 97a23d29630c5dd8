import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { InvitationList } from "@/lib/invitations/listInvitations";

/** GET /api/v1/workspaces/:id/invitations (admins). */
export function useInvitationsQuery(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["invitations", workspaceId],
    queryFn: ({ signal }) => apiFetch<InvitationList>(`/api/v1/workspaces/${workspaceId}/invitations`, { signal }),
    enabled,
  });
}
