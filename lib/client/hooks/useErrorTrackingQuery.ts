import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { WorkspaceErrorTracking } from "@/lib/analytics/getWorkspaceErrorTracking";
import type { Timeframe } from "@/lib/domain/timeframe";

export interface TrackingParams {
  workspaceId: string | undefined;
  timeframe: Timeframe;
  severity: string;
  projectId?: string;
  environment?: string;
}

/** GET /api/v1/workspaces/:id/error-tracking — the aggregated view; polled so new errors show up. */
export function useErrorTrackingQuery({ workspaceId, timeframe, severity, projectId, environment }: TrackingParams) {
  const search = new URLSearchParams({ timeframe, severity, ...(projectId && { projectId }), ...(environment && { environment }) });
  return useQuery({
    queryKey: ["errorTracking", { workspaceId, timeframe, severity, projectId, environment }],
    queryFn: ({ signal }) => apiFetch<WorkspaceErrorTracking>(`/api/v1/workspaces/${workspaceId}/error-tracking?${search}`, { signal }),
    enabled: Boolean(workspaceId),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}
