import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { AuditList } from "@/lib/audit/listAudit";

/** GET /api/v1/workspaces/:id/audit — the activity page. */
export function useAuditQuery(workspaceId: string, filters: { action?: string; page: number }) {
  const search = new URLSearchParams({ page: String(filters.page), pageSize: "50", ...(filters.action && { action: filters.action }) });
  return useQuery({
    queryKey: ["audit", workspaceId, filters],
    queryFn: ({ signal }) => apiFetch<AuditList>(`/api/v1/workspaces/${workspaceId}/audit?${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
