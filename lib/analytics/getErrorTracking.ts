import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { getCategories } from "@/lib/analytics/getCategories";
import { getCorrelations, TOP_ENTITIES } from "@/lib/analytics/getCorrelations";
import { getErrorList } from "@/lib/analytics/getErrorList";
import { getOverview } from "@/lib/analytics/getOverview";
import { getRecovery } from "@/lib/analytics/getRecovery";
import { getTimeline } from "@/lib/analytics/getTimeline";
import { getTopErrors } from "@/lib/analytics/getTopErrors";
import { loadUserTotals } from "@/lib/analytics/loadUserTotals";
import { loadWindowGroups, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
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
  // The rollup is scanned once for per-group counts, which most sections share.
  const groupsPromise = loadWindowGroups(ctx);
  const recoveryPromise = getRecovery(ctx);
  const usersPromise = loadUserTotals(ctx, TOP_ENTITIES);
  const withGroups = <T>(fn: (groups: WindowGroup[]) => Promise<T> | T) => groupsPromise.then(fn);
  const [overview, categories, timeline, errors, topErrors, correlations, recovery] = await Promise.all([
    Promise.all([recoveryPromise, groupsPromise, usersPromise]).then(([recovery, groups, users]) => getOverview(ctx, recovery, groups, users)),
    withGroups((groups) => getCategories(ctx, groups)),
    withGroups((groups) => getTimeline(ctx, groups)),
    withGroups((groups) => getErrorList(ctx, groups, { page: query.page, pageSize: query.pageSize })),
    withGroups((groups) => getTopErrors(ctx, groups)),
    usersPromise.then((users) => getCorrelations(ctx, users)),
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
