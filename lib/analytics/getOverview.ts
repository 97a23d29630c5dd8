import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { SqlParams } from "@/lib/analytics/countsSql";
import { executionsSource } from "@/lib/analytics/executionsSource";
import { severityRank, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import type { Severity } from "@/lib/domain/severity";
import type { Recovery } from "@/lib/analytics/getRecovery";
import { queryRows } from "@/lib/analytics/queryRows";
import type { ActorTotals } from "@/lib/analytics/loadActorTotals";
import { percentage, round } from "@/lib/analytics/stats";
import { env } from "@/lib/env";

type SystemImpact = "low" | "medium" | "high" | "critical";

/** Who the window's errors touched: users and agents (see loadActorTotals), and the known users behind userImpact. */
export interface Affected {
  users: ActorTotals;
  agents: ActorTotals;
  knownUsers: number;
}

/**
 * The overview cards; every figure is defined in docs/metrics.md. `executions`: the window's
 * execution totals when already read (see executionTotals); read here otherwise.
 */
export async function getOverview(ctx: AnalyticsContext, recovery: Recovery, groups: WindowGroup[], affected: Affected, executions?: ExecutionTotals) {
  executions ??= await executionTotals(ctx);
  const counts = eventTotals(groups);
  const worst = worstOpenSeverity(groups);
  const errorRate = executions.current > 0 ? round((100 * executions.failed) / executions.current) : null;
  const prevErrorRate = executions.previous > 0 ? round((100 * executions.prevFailed) / executions.previous) : null;
  return {
    totalErrors: counts.total,
    uniqueErrors: counts.unique,
    affectedUsers: affected.users.distinct,
    affectedAgents: affected.agents.distinct,
    errorRate,
    errorRateChange: errorRate !== null && prevErrorRate !== null ? round(errorRate - prevErrorRate) : null,
    errorRateBasis:
      executions.current > 0
        ? `${executions.failed} failed of ${executions.current} executions reported`
        : "no executions reported in this window: send POST /api/v1/executions or Sentry sessions to get an error rate",
    criticalErrorRate: percentage(counts.critical, counts.total),
    userImpact: affected.knownUsers > 0 ? percentage(affected.users.distinct, affected.knownUsers) : null,
    systemImpact: systemImpact(worst, errorRate),
    estimatedRevenueLoss: round(counts.credits * env().CREDIT_VALUE),
    creditsLost: round(counts.credits),
    previousTotalErrors: counts.prevTotal,
    avgRecoveryTime: recovery.summary.avgRecoveryTime,
    autoRecoveryRate: recovery.summary.autoRecoveryRate,
    manualInterventions: recovery.summary.manualInterventions,
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;

function eventTotals(groups: WindowGroup[]) {
  const totals = { total: 0, unique: 0, critical: 0, credits: 0, prevTotal: 0 };
  for (const g of groups) {
    totals.total += g.cur;
    totals.prevTotal += g.prev;
    totals.credits += g.credits;
    if (g.cur > 0) totals.unique++;
    if (g.severity === "critical") totals.critical += g.cur;
  }
  return totals;
}

export interface ExecutionTotals {
  current: number;
  failed: number;
  previous: number;
  prevFailed: number;
}

/** Executions reported for the window and the previous one: the error-rate denominator (no per-group counts needed). */
export async function executionTotals(ctx: AnalyticsContext): Promise<ExecutionTotals> {
  const { scope, window } = ctx;
  const p = new SqlParams();
  const { table, time, at } = executionsSource(window, p);
  const start = at(window.start);
  const filters = [
    `"workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `${time} >= ${at(window.prevStart)}`,
    `${time} < ${at(window.end)}`,
    scope.projectId && `"projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `environment = ${p.add(scope.environment)}`,
  ].filter(Boolean);
  const [row] = await queryRows<Record<string, string | null>>(
    `SELECT sum(ok::bigint + failed + crashed) FILTER (WHERE ${time} >= ${start}) AS current,
       sum(failed::bigint + crashed) FILTER (WHERE ${time} >= ${start}) AS failed,
       sum(ok::bigint + failed + crashed) FILTER (WHERE ${time} < ${start}) AS previous,
       sum(failed::bigint + crashed) FILTER (WHERE ${time} < ${start}) AS "prevFailed"
     FROM ${table} WHERE ${filters.join(" AND ")}`,
    p.values,
  );
  return {
    current: Number(row.current ?? 0),
    failed: Number(row.failed ?? 0),
    previous: Number(row.previous ?? 0),
    prevFailed: Number(row.prevFailed ?? 0),
  };
}

/** The most severe still-open group with events in the window. */
function worstOpenSeverity(groups: WindowGroup[]): Severity | null {
  let worst: Severity | null = null;
  for (const g of groups) {
    if (g.cur === 0 || g.status === "resolved" || g.status === "ignored") continue;
    if (worst === null || severityRank(g.severity) > severityRank(worst)) worst = g.severity;
  }
  return worst;
}

/** The worse of: the most severe open error, and the error rate (≥ 10 % critical, ≥ 5 % high, ≥ 1 % medium). */
function systemImpact(worst: string | null, errorRate: number | null): SystemImpact {
  const levels: SystemImpact[] = ["low", "medium", "high", "critical"];
  const fromSeverity = worst ? levels.indexOf(worst as SystemImpact) : 0;
  const fromRate = errorRate === null ? 0 : errorRate >= 10 ? 3 : errorRate >= 5 ? 2 : errorRate >= 1 ? 1 : 0;
  return levels[Math.max(fromSeverity, fromRate, 0)];
}
