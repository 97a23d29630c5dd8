import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { getCategories } from "@/lib/analytics/getCategories";
import { getCorrelations, TOP_ENTITIES } from "@/lib/analytics/getCorrelations";
import { getErrorList } from "@/lib/analytics/getErrorList";
import { executionTotals, getOverview } from "@/lib/analytics/getOverview";
import { getRecovery } from "@/lib/analytics/getRecovery";
import { getTimeline, loadTimelineTotals } from "@/lib/analytics/getTimeline";
import { getTopErrors } from "@/lib/analytics/getTopErrors";
import { loadActorTotals } from "@/lib/analytics/loadActorTotals";
import { loadKnownUsers } from "@/lib/analytics/loadKnownUsers";
import { loadWindowGroups, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { timeWindow } from "@/lib/analytics/timeWindow";
import type { TrackingQuery } from "@/lib/analytics/trackingQuery";

/**
 * The workspace error-tracking view (seed 002's ErrorTracking), every section computed in parallel.
 * `fresh`: computed from the database now, nothing taken from the shared caches (known users).
 */
export async function getErrorTracking(workspaceId: string, query: TrackingQuery, now: Date = new Date(), fresh = false) {
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
  const usersPromise = loadActorTotals(ctx, "user", TOP_ENTITIES);
  const agentsPromise = loadActorTotals(ctx, "agent", TOP_ENTITIES);
  const affectedPromise = Promise.all([usersPromise, agentsPromise, isKnownUsersWindow(ctx) ? null : loadKnownUsers(ctx, fresh)]).then(
    ([users, agents, known]) => ({ users, agents, knownUsers: known ?? users.distinct }),
  );
  // Reads that need no per-group counts start now, beside the per-group read, not after it.
  const executionsPromise = executionTotals(ctx);
  const timelinePromise = loadTimelineTotals(ctx);
  const withGroups = <T>(fn: (groups: WindowGroup[]) => Promise<T> | T) => groupsPromise.then(fn);
  const [overview, categories, timeline, errors, topErrors, correlations, recovery] = await Promise.all([
    Promise.all([recoveryPromise, groupsPromise, affectedPromise, executionsPromise]).then(([recovery, groups, affected, executions]) =>
      getOverview(ctx, recovery, groups, affected, executions),
    ),
    withGroups((groups) => getCategories(ctx, groups)),
    Promise.all([groupsPromise, timelinePromise]).then(([groups, totals]) => getTimeline(ctx, groups, totals)),
    withGroups((groups) => getErrorList(ctx, groups, { page: query.page, pageSize: query.pageSize })),
    withGroups((groups) => getTopErrors(ctx, groups)),
    affectedPromise.then(({ users, agents }) => getCorrelations(ctx, users, agents)),
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

/** An unfiltered 30d window is the known-users period itself: its affected users are the known users. */
function isKnownUsersWindow(ctx: AnalyticsContext): boolean {
  return ctx.window.timeframe === "30d" && !ctx.scope.environment && !ctx.scope.severity;
}
