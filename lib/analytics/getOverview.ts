import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { isUnfiltered, occurrenceFilters, SqlParams } from "@/lib/analytics/countsSql";
import { executionsSource } from "@/lib/analytics/executionsSource";
import { severityRank, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import type { Severity } from "@/lib/domain/severity";
import type { Recovery } from "@/lib/analytics/getRecovery";
import { queryRows } from "@/lib/analytics/queryRows";
import type { UserTotals } from "@/lib/analytics/loadUserTotals";
import { percentage, round } from "@/lib/analytics/stats";
import { env } from "@/lib/env";

const DAY = 86_400_000;
/** The population behind userImpact: users seen in any event of the last 30 UTC days (today included). */
const KNOWN_USERS_DAYS = 30;

type SystemImpact = "low" | "medium" | "high" | "critical";

/** The overview cards; every figure is defined in docs/metrics.md. */
export async function getOverview(ctx: AnalyticsContext, recovery: Recovery, groups: WindowGroup[], userTotals: UserTotals | null) {
  const [affected, executions] = await Promise.all([affectedUsersAndAgents(ctx, userTotals), executionTotals(ctx)]);
  const counts = eventTotals(groups);
  const worst = worstOpenSeverity(groups);
  const errorRate = executions.current > 0 ? round((100 * executions.failed) / executions.current) : null;
  const prevErrorRate = executions.previous > 0 ? round((100 * executions.prevFailed) / executions.previous) : null;
  return {
    totalErrors: counts.total,
    uniqueErrors: counts.unique,
    affectedUsers: affected.users,
    affectedAgents: affected.agents,
    errorRate,
    errorRateChange: errorRate !== null && prevErrorRate !== null ? round(errorRate - prevErrorRate) : null,
    errorRateBasis:
      executions.current > 0
        ? `${executions.failed} failed of ${executions.current} executions reported`
        : "no executions reported in this window: send POST /api/v1/executions or Sentry sessions to get an error rate",
    criticalErrorRate: percentage(counts.critical, counts.total),
    userImpact: affected.knownUsers > 0 ? percentage(affected.users, affected.knownUsers) : null,
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

/**
 * Distinct users and agents with an error in the window. Unfiltered day-aligned windows (7d, 30d)
 * read the per-day rollups; everything else counts distinct ids on the occurrences themselves.
 */
async function affectedUsersAndAgents(ctx: AnalyticsContext, userTotals: UserTotals | null) {
  const { scope, window, now } = ctx;
  const p = new SqlParams();
  const ws = p.add(scope.workspaceId);
  const project = scope.projectId ? ` AND "projectId" = ${p.add(scope.projectId)}::uuid` : "";
  const knownFromDay = new Date(now.getTime() - (KNOWN_USERS_DAYS - 1) * DAY).toISOString().slice(0, 10);
  // Distinct counts as a hashed GROUP BY, which PostgreSQL runs far faster than a sorted count(DISTINCT).
  const distinct = (column: string, from: string) => `(SELECT count(*) FROM (SELECT ${column} ${from} GROUP BY 1) d)`;
  let affectedSql: string;
  let sameAsKnown = false;
  if (isUnfiltered(scope) && window.source !== "raw" && window.bucketMs >= 6 * 3_600_000) {
    const fromDay = window.start.toISOString().slice(0, 10);
    const toDay = new Date(window.end.getTime() - 1).toISOString().slice(0, 10);
    sameAsKnown = fromDay <= knownFromDay; // the window covers the whole known-users period
    const from = p.add(fromDay);
    const to = p.add(toDay);
    const days = `WHERE "workspaceId" = ${ws}::uuid AND day >= ${from}::date AND day <= ${to}::date${project}`;
    // 30 days: counted by loadUserTotals from the weekly + daily cover; 7 days: the days touching the window.
    const users = userTotals ? `${p.add(userTotals.distinct)}::int` : distinct(`"userId"`, `FROM "UserDaily" ${days}`);
    affectedSql = `${users} AS users, ${distinct(`"agentId"`, `FROM "AgentDaily" ${days}`)} AS agents`;
  } else {
    const filters = occurrenceFilters(scope, window.start, window.end, p);
    const from = `FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE ${filters.join(" AND ")}`;
    affectedSql = `${distinct(`o."userId"`, `${from} AND o."userId" IS NOT NULL`)} AS users, ${distinct(`o."agentId"`, `${from} AND o."agentId" IS NOT NULL`)} AS agents`;
  }
  const knownSql = sameAsKnown
    ? "NULL::bigint"
    : distinct(`"userId"`, `FROM "UserDaily" WHERE "workspaceId" = ${ws}::uuid AND day >= ${p.add(knownFromDay)}::date${project}`);
  const [row] = await queryRows<{ users: string; agents: string; known: string | null }>(`SELECT ${affectedSql}, ${knownSql} AS known`, p.values);
  const users = Number(row.users);
  return { users, agents: Number(row.agents), knownUsers: row.known === null ? users : Number(row.known) };
}

/** Executions reported for the window and the previous one: the error-rate denominator. */
async function executionTotals(ctx: AnalyticsContext) {
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
    `SELECT sum(ok + failed + crashed) FILTER (WHERE ${time} >= ${start}) AS current,
       sum(failed + crashed) FILTER (WHERE ${time} >= ${start}) AS failed,
       sum(ok + failed + crashed) FILTER (WHERE ${time} < ${start}) AS previous,
       sum(failed + crashed) FILTER (WHERE ${time} < ${start}) AS "prevFailed"
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
