import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { WorkspaceFeedbackList } from "@/lib/feedback/listWorkspaceFeedback";

/** GET /api/v1/workspaces/:id/feedback — the feedback page. */
export function useWorkspaceFeedbackQuery(workspaceId: string, filters: { projectId?: string; page: number }) {
  const search = new URLSearchParams({ page: String(filters.page), pageSize: "25", ...(filters.projectId && { projectId: filters.projectId }) });
  return useQuery({
    queryKey: ["workspaceFeedback", workspaceId, filters],
    queryFn: ({ signal }) => apiFetch<WorkspaceFeedbackList>(`/api/v1/workspaces/${workspaceId}/feedback?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS * 3,
  });
}
