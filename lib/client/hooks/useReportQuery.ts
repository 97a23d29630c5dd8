import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { Report } from "@/lib/reports/getReport";

/** GET /api/v1/workspaces/:id/report?since=&until=&projectId= */
export function useReportQuery(workspaceId: string | undefined, scope: { since: string; until: string; projectId?: string }) {
  return useQuery({
    queryKey: ["report", workspaceId, scope],
    queryFn: ({ signal }) => apiFetch<Report>(`/api/v1/workspaces/${workspaceId}/report?${new URLSearchParams(scope)}`, { signal }),
    enabled: Boolean(workspaceId),
  });
}
