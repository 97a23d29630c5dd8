import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { getCategories } from "@/lib/analytics/getCategories";
import { getCorrelations } from "@/lib/analytics/getCorrelations";
import { getErrorList } from "@/lib/analytics/getErrorList";
import { getOverview } from "@/lib/analytics/getOverview";
import { getRecovery } from "@/lib/analytics/getRecovery";
import { getTimeline } from "@/lib/analytics/getTimeline";
import { getTopErrors } from "@/lib/analytics/getTopErrors";
import { timeWindow } from "@/lib/analytics/timeWindow";
import type { TrackingQuery } from "@/lib/analytics/trackingQuery";

/** The workspace error-tracking view (seed 002's ErrorTracking), every section computed in parallel. */
export async function getErrorTracking(workspaceId: string, query: TrackingQuery, now: Date = new Date()) {
  const ctx: AnalyticsContext = {
    scope: {
      workspaceId,
      projectId: query.projectId,
      environment: query.environment,
      severity: query.severity === "all" ? undefined : query.severity,
    },
    window: timeWindow(query.timeframe, now),
    now,
  };
  const recoveryPromise = getRecovery(ctx);
  const [overview, categories, timeline, errors, topErrors, correlations, recovery] = await Promise.all([
    recoveryPromise.then((recovery) => getOverview(ctx, recovery)),
    getCategories(ctx),
    getTimeline(ctx),
    getErrorList(ctx, { page: query.page, pageSize: query.pageSize }),
    getTopErrors(ctx),
    getCorrelations(ctx),
    recoveryPromise,
  ]);
  const { summary, ...recoveryAnalysis } = recovery;
  return {
    workspaceId,
    timeframe: query.timeframe,
    filters: { severity: query.severity, environment: query.environment ?? null, projectId: query.projectId ?? null },
    window: { start: ctx.window.start.toISOString(), end: ctx.window.end.toISOString(), bucketSeconds: ctx.window.bucketMs / 1000 },
    generatedAt: now.toISOString(),
    overview,
    categories,
    timeline,
    errors,
    topErrors,
    correlations,
    recovery: { ...recoveryAnalysis, outcomesReported: summary.outcomesReported },
  };
}

export type ErrorTracking = Awaited<ReturnType<typeof getErrorTracking>>;
