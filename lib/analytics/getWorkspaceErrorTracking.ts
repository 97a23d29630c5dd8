import { getErrorTracking } from "@/lib/analytics/getErrorTracking";
import { getResolutionMetrics } from "@/lib/analytics/getResolutionMetrics";
import { timeWindow } from "@/lib/analytics/timeWindow";
import type { TrackingQuery } from "@/lib/analytics/trackingQuery";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";

/**
 * GET /api/v1/workspaces/:id/error-tracking for a caller who may view the workspace: the view's
 * sections plus the resolution metrics (time to acknowledge / resolve) over the same window.
 */
export async function getWorkspaceErrorTracking(auth: AuthContext, workspaceId: string, query: TrackingQuery, now: Date = new Date()) {
  assertCanViewWorkspace(auth, workspaceId);
  const window = timeWindow(query.timeframe, now);
  const scope = { workspaceId, projectId: query.projectId, severity: query.severity === "all" ? undefined : query.severity };
  const [view, resolution] = await Promise.all([getErrorTracking(workspaceId, query, now), getResolutionMetrics(scope, window)]);
  return { ...view, resolution };
}

export type WorkspaceErrorTracking = Awaited<ReturnType<typeof getWorkspaceErrorTracking>>;
