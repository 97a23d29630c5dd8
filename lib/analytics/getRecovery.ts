import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { occurrenceFilters, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { compareText, percentage, round, summarise } from "@/lib/analytics/stats";

const MAX_FAILED = 20;

/**
 * Recovery analysis. Automatic recovery comes from the outcomes clients report on occurrences
 * (`recovery: {recovered, method, durationMs, automatic}`); manual recovery runs from first seen (or
 * the last regression) to resolved, for groups a user resolved inside the window. Outcomes are
 * aggregated in PostgreSQL (exact over the whole window, whatever their number).
 */
export async function getRecovery(ctx: AnalyticsContext) {
  const [methods, automatic, failed, manual] = await Promise.all([
    outcomesByMethod(ctx),
    automaticDurations(ctx),
    failedRecoveries(ctx),
    loadManualResolutions(ctx),
  ]);
  const manualSeconds = manual.map((m) => m.seconds);
  const manualSummary = summarise(manualSeconds);
  const outcomesReported = methods.reduce((n, m) => n + m.uses, 0);
  const automaticRecovered = methods.reduce((n, m) => n + m.automaticSuccesses, 0);
  const timed = automatic.n + manualSeconds.length;
  return {
    recoveryTimes: {
      automatic: automatic.n > 0 ? { avg: round(automatic.avg), median: round(automatic.median), p95: round(automatic.p95) } : { avg: 0, median: 0, p95: 0 },
      manual: manualSummary,
    },
    recoveryMethods: methods
      .map((m) => ({
        method: m.method ?? "unspecified",
        successRate: percentage(m.successes, m.uses),
        avgTime: m.avgSuccessMs === null ? 0 : round(m.avgSuccessMs / 1000),
        usageCount: m.uses,
      }))
      .sort((a, b) => b.usageCount - a.usageCount || compareText(a.method, b.method)),
    failedRecoveries: failed.map((f) => ({ errorId: f.errorId, type: f.type, attemptedMethods: f.methods ?? [], failureReason: f.reason ?? "recovery reported as failed" })),
    summary: {
      outcomesReported,
      automaticRecovered,
      autoRecoveryRate: percentage(automaticRecovered, outcomesReported),
      manualInterventions: manual.length,
      avgRecoveryTime: timed > 0 ? round((automatic.avg * automatic.n + manualSeconds.reduce((a, b) => a + b, 0)) / timed) : 0,
    },
  };
}

export type Recovery = Awaited<ReturnType<typeof getRecovery>>;

/**
 * Occurrences `o` with a reported outcome, in scope and window. `recovered IS NOT NULL` is the
 * predicate of the partial covering index that holds just those (with environment, project and
 * group), so every query here is an index-only scan whatever the filters.
 */
function outcomeScope(ctx: AnalyticsContext, p: SqlParams, outcome: string): string {
  const { scope, window } = ctx;
  return `FROM "ErrorOccurrence" o
    WHERE ${[...occurrenceFilters(scope, window.start, window.end, p), `o.recovered IS NOT NULL`, outcome].join(" AND ")}`;
}

async function outcomesByMethod(ctx: AnalyticsContext) {
  const p = new SqlParams();
  return queryRows<{ method: string | null; uses: number; successes: number; automaticSuccesses: number; avgSuccessMs: number | null }>(
    `SELECT o."recoveryMethod" AS method, count(*)::int AS uses, count(*) FILTER (WHERE o.recovered)::int AS successes,
       count(*) FILTER (WHERE o.recovered AND o."recoveryAutomatic" IS DISTINCT FROM false)::int AS "automaticSuccesses",
       (avg(o."recoveryDurationMs") FILTER (WHERE o.recovered))::float8 AS "avgSuccessMs"
     ${outcomeScope(ctx, p, `o.recovered IN (true, false)`)}
     GROUP BY 1`,
    p.values,
  );
}

/** avg / median / p95 (nearest rank) seconds of successful automatic recoveries that reported a duration. */
async function automaticDurations(ctx: AnalyticsContext) {
  const p = new SqlParams();
  const [row] = await queryRows<{ n: number; avg: number | null; median: number | null; p95: number | null }>(
    `SELECT count(*)::int AS n, (avg(d) / 1000)::float8 AS avg,
       (percentile_disc(0.5) WITHIN GROUP (ORDER BY d) / 1000.0)::float8 AS median,
       (percentile_disc(0.95) WITHIN GROUP (ORDER BY d) / 1000.0)::float8 AS p95
     FROM (SELECT o."recoveryDurationMs" AS d
       ${outcomeScope(ctx, p, `o.recovered = true AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL`)}) x`,
    p.values,
  );
  return { n: row.n, avg: row.avg ?? 0, median: row.median ?? 0, p95: row.p95 ?? 0 };
}

/** The groups whose recoveries failed most recently: methods tried and the latest failure's reason. */
async function failedRecoveries(ctx: AnalyticsContext) {
  const p = new SqlParams();
  return queryRows<{ errorId: string; type: string; methods: string[] | null; reason: string | null }>(
    `WITH f AS (
       SELECT o."groupId", array_agg(DISTINCT o."recoveryMethod" ORDER BY o."recoveryMethod") FILTER (WHERE o."recoveryMethod" IS NOT NULL) AS methods,
         max(o."occurredAt") AS at
       ${outcomeScope(ctx, p, `o.recovered = false`)}
       GROUP BY 1 ORDER BY at DESC, 1 LIMIT ${MAX_FAILED})
     SELECT f."groupId"::text AS "errorId", g.type, f.methods, r.reason FROM f
     JOIN "ErrorGroup" g ON g.id = f."groupId"
     LEFT JOIN LATERAL (
       SELECT coalesce(x.metadata->>'failureReason', x.message) AS reason FROM "ErrorOccurrence" x
       WHERE x."groupId" = f."groupId" AND x."occurredAt" = f.at AND x.recovered = false LIMIT 1) r ON true
     ORDER BY f.at DESC, f."groupId"`,
    p.values,
  );
}

async function loadManualResolutions(ctx: AnalyticsContext): Promise<{ seconds: number }[]> {
  const p = new SqlParams();
  const { scope, window } = ctx;
  const filters = [
    `g."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `g.status = 'resolved'`,
    `g."resolvedById" IS NOT NULL`,
    `g."resolvedAt" >= ${p.add(window.start)}`,
    `g."resolvedAt" < ${p.add(window.end)}`,
    scope.projectId && `g."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `g.severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  const rows = await queryRows<{ seconds: string }>(
    `SELECT extract(epoch FROM g."resolvedAt" - CASE WHEN g."regressedAt" < g."resolvedAt" THEN g."regressedAt" ELSE g."firstSeen" END) AS seconds
     FROM "ErrorGroup" g WHERE ${filters.join(" AND ")}`,
    p.values,
  );
  return rows.map((r) => ({ seconds: Math.max(0, Number(r.seconds)) }));
}
