import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { Report } from "@/lib/reports/getReport";

/** GET /api/v1/workspaces/:id/report?since=&until= */
export function useReportQuery(workspaceId: string | undefined, since: string, until: string) {
  return useQuery({
    queryKey: ["report", workspaceId, since, until],
    queryFn: ({ signal }) => apiFetch<Report>(`/api/v1/workspaces/${workspaceId}/report?${new URLSearchParams({ since, until })}`, { signal }),
    enabled: Boolean(workspaceId),
  });
}
