import { getErrorTracking } from "@/lib/analytics/getErrorTracking";
import { getResolutionMetrics } from "@/lib/analytics/getResolutionMetrics";
import { timeWindow } from "@/lib/analytics/timeWindow";
import type { TrackingQuery } from "@/lib/analytics/trackingQuery";

/**
 * The body of GET /api/v1/workspaces/:id/error-tracking: the view's sections plus the resolution
 * metrics (time to acknowledge / resolve) over the same window. Computed for getWorkspaceView, which
 * authorizes the caller and shares one computation between the viewers of the same view.
 */
export async function getWorkspaceErrorTracking(workspaceId: string, query: TrackingQuery, now: Date = new Date(), fresh = false) {
  const window = timeWindow(query.timeframe, now);
  const scope = { workspaceId, projectId: query.projectId, severity: query.severity === "all" ? undefined : query.severity };
  const [view, resolution] = await Promise.all([getErrorTracking(workspaceId, query, now, fresh), getResolutionMetrics(scope, window)]);
  return { ...view, resolution };
}

export type WorkspaceErrorTracking = Awaited<ReturnType<typeof getWorkspaceErrorTracking>>;
