import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { AssignmentRuleList } from "@/lib/assignment/listAssignmentRules";

/** GET /api/v1/workspaces/:id/assignment-rules, in evaluation order. */
export function useAssignmentRulesQuery(workspaceId: string) {
  return useQuery({
    queryKey: ["assignment-rules", workspaceId],
    queryFn: ({ signal }) => apiFetch<AssignmentRuleList>(`/api/v1/workspaces/${workspaceId}/assignment-rules`, { signal }),
  });
}
