import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { occurrenceFilters, SqlParams, type Scope } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { compareText, histogramPercentile, percentage, round, summarise } from "@/lib/analytics/stats";
import { splitWholeDays, type DayRange } from "@/lib/analytics/wholeDays";

const MAX_FAILED = 20;

/**
 * Recovery analysis. Automatic recovery comes from the outcomes clients report on occurrences
 * (`recovery: {recovered, method, durationMs, automatic}`); manual recovery runs from first seen (or
 * the last regression) to resolved, for groups a user resolved inside the window. Outcomes of the
 * window's whole UTC days come from the daily recovery rollups, those of its partial days from the
 * occurrences (docs/metrics.md → recovery): counts and averages are exact, the median and p95 of
 * durations exact at the rollup's precision (0.01 s below 10 s, 3 significant digits above).
 */
export async function getRecovery(ctx: AnalyticsContext) {
  const split = splitWholeDays(ctx.window.start, ctx.window.end);
  const [methods, histogram, failed, manual] = await Promise.all([
    outcomesByMethod(ctx.scope, split),
    automaticDurations(ctx.scope, split),
    failedRecoveries(ctx),
    loadManualResolutions(ctx),
  ]);
  const manualSeconds = manual.map((m) => m.seconds);
  const outcomesReported = methods.reduce((n, m) => n + m.uses, 0);
  const automaticRecovered = methods.reduce((n, m) => n + m.automaticSuccesses, 0);
  const automaticTimed = methods.reduce((n, m) => n + m.automaticTimed, 0);
  const automaticAvg = automaticTimed > 0 ? methods.reduce((n, m) => n + m.automaticMs, 0) / automaticTimed / 1000 : 0;
  const timed = automaticTimed + manualSeconds.length;
  return {
    recoveryTimes: {
      // null: nothing to measure in the window (not a recovery time of 0).
      automatic:
        automaticTimed > 0
          ? { avg: round(automaticAvg), median: round(histogramPercentile(histogram, 0.5) / 1000), p95: round(histogramPercentile(histogram, 0.95) / 1000) }
          : null,
      manual: manualSeconds.length > 0 ? summarise(manualSeconds) : null,
    },
    recoveryMethods: methods
      .map((m) => ({
        method: m.method || "unspecified",
        successRate: percentage(m.successes, m.uses),
        avgTime: m.successTimed > 0 ? round(m.successMs / m.successTimed / 1000) : 0,
        usageCount: m.uses,
      }))
      .sort((a, b) => b.usageCount - a.usageCount || compareText(a.method, b.method)),
    failedRecoveries: failed.map((f) => ({ errorId: f.errorId, type: f.type, attemptedMethods: f.methods ?? [], failureReason: f.reason ?? "recovery reported as failed" })),
    summary: {
      outcomesReported,
      automaticRecovered,
      autoRecoveryRate: outcomesReported > 0 ? percentage(automaticRecovered, outcomesReported) : null,
      manualInterventions: manual.length,
      avgRecoveryTime: timed > 0 ? round((automaticAvg * automaticTimed + manualSeconds.reduce((a, b) => a + b, 0)) / timed) : null,
    },
  };
}

export type Recovery = Awaited<ReturnType<typeof getRecovery>>;

type Split = ReturnType<typeof splitWholeDays>;

/**
 * Occurrences `o` with a reported outcome, in scope and [from, to). `recovered IS NOT NULL` is the
 * predicate of the partial covering index that holds just those (with environment, project and
 * group), so every query here is an index-only scan whatever the filters.
 */
function outcomeScope(scope: Scope, range: { from: Date; to: Date }, p: SqlParams, outcome: string): string {
  return `FROM "ErrorOccurrence" o
    WHERE ${[...occurrenceFilters(scope, range.from, range.to, p), `o.recovered IS NOT NULL`, outcome].join(" AND ")}`;
}

/** Rows `r` of a daily recovery rollup in scope over whole days (severity is the label the rows carry). */
function rollupScope(table: string, scope: Scope, days: DayRange, p: SqlParams): string {
  const filters = [
    `r."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `r.day >= ${p.add(days.from)}::date`,
    `r.day < ${p.add(days.to)}::date`,
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `r.environment = ${p.add(scope.environment)}`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  return `FROM "${table}" r WHERE ${filters.join(" AND ")}`;
}

interface MethodRow {
  /** '' when the outcome named no method. */
  method: string;
  uses: number;
  successes: number;
  automaticSuccesses: number;
  /** Sum and number of reported durations (ms): of successes, and of automatic successes. */
  successMs: number;
  successTimed: number;
  automaticMs: number;
  automaticTimed: number;
}

/** Per method: outcomes, successes, automatic successes and their durations' sums — whole days from RecoveryDaily, edges from occurrences. */
async function outcomesByMethod(scope: Scope, split: Split): Promise<MethodRow[]> {
  const p = new SqlParams();
  const parts: string[] = [];
  if (split.days) {
    const when = (cond: string, value: string) => `CASE WHEN ${cond} THEN ${value} ELSE 0 END`;
    const auto = `r.recovered AND r.automatic`;
    parts.push(`SELECT r.method, r.count AS uses, ${when("r.recovered", "r.count")} AS successes, ${when(auto, "r.count")} AS auto,
        ${when("r.recovered", `r."durationSumMs"`)} AS s_ms, ${when("r.recovered", `r."durationCount"`)} AS s_n,
        ${when(auto, `r."durationSumMs"`)} AS a_ms, ${when(auto, `r."durationCount"`)} AS a_n
      ${rollupScope("RecoveryDaily", scope, split.days, p)}`);
  }
  for (const edge of split.edges) {
    const auto = `o.recovered AND o."recoveryAutomatic" IS DISTINCT FROM false`;
    parts.push(`SELECT coalesce(o."recoveryMethod", '') AS method, count(*) AS uses, count(*) FILTER (WHERE o.recovered) AS successes,
        count(*) FILTER (WHERE ${auto}) AS auto,
        coalesce(sum(o."recoveryDurationMs") FILTER (WHERE o.recovered), 0) AS s_ms, count(o."recoveryDurationMs") FILTER (WHERE o.recovered) AS s_n,
        coalesce(sum(o."recoveryDurationMs") FILTER (WHERE ${auto}), 0) AS a_ms, count(o."recoveryDurationMs") FILTER (WHERE ${auto}) AS a_n
      ${outcomeScope(scope, edge, p, "true")} GROUP BY 1`);
  }
  if (parts.length === 0) return [];
  return queryRows<MethodRow>(
    `SELECT method, sum(uses)::int AS uses, sum(successes)::int AS successes, sum(auto)::int AS "automaticSuccesses",
       sum(s_ms)::float8 AS "successMs", sum(s_n)::int AS "successTimed", sum(a_ms)::float8 AS "automaticMs", sum(a_n)::int AS "automaticTimed"
     FROM (${parts.join(" UNION ALL ")}) x GROUP BY method HAVING sum(uses) > 0`,
    p.values,
  );
}

/**
 * Durations of successful automatic recoveries that reported one, as a histogram of
 * faultline_recovery_ms buckets in ascending order: whole days from RecoveryDurationDaily, edges
 * from occurrences.
 */
async function automaticDurations(scope: Scope, split: Split): Promise<{ value: number; count: number }[]> {
  const p = new SqlParams();
  const parts: string[] = [];
  if (split.days) parts.push(`SELECT r."durationMs" AS ms, r.count AS n ${rollupScope("RecoveryDurationDaily", scope, split.days, p)}`);
  for (const edge of split.edges) {
    parts.push(`SELECT faultline_recovery_ms(o."recoveryDurationMs") AS ms, count(*) AS n
      ${outcomeScope(scope, edge, p, `o.recovered = true AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL`)} GROUP BY 1`);
  }
  if (parts.length === 0) return [];
  return queryRows<{ value: number; count: number }>(
    `SELECT ms AS value, sum(n)::int AS count FROM (${parts.join(" UNION ALL ")}) x GROUP BY ms HAVING sum(n) > 0 ORDER BY ms`,
    p.values,
  );
}

/**
 * The groups whose recoveries failed most recently: methods tried and the latest failure's reason.
 * The groups are found by walking the window's failed outcomes newest first (index-only), one group
 * at a time, skipping groups already found: it reads the failures newer than the 20th group's latest,
 * not every failure of the window. Methods and reason come from the shown groups' own failures (a
 * partial index holding only failed outcomes).
 */
async function failedRecoveries(ctx: AnalyticsContext) {
  const p = new SqlParams();
  const { scope, window } = ctx;
  const failures = outcomeScope(scope, { from: window.start, to: window.end }, p, `o.recovered = false`);
  const from = p.add(window.start);
  const to = p.add(window.end);
  const env = scope.environment ? ` AND x.environment = ${p.add(scope.environment)}` : "";
  return queryRows<{ errorId: string; type: string; methods: string[] | null; reason: string | null }>(
    `WITH RECURSIVE walk(n, "groupId", at, seen) AS (
       (SELECT 1, o."groupId", o."occurredAt", ARRAY[o."groupId"] ${failures} ORDER BY o."occurredAt" DESC, o."groupId" LIMIT 1)
       UNION ALL
       SELECT w.n + 1, nx."groupId", nx."occurredAt", w.seen || nx."groupId" FROM walk w
       CROSS JOIN LATERAL (SELECT o."groupId", o."occurredAt" ${failures} AND o."occurredAt" <= w.at AND o."groupId" <> ALL(w.seen)
         ORDER BY o."occurredAt" DESC, o."groupId" LIMIT 1) nx
       WHERE w.n < ${MAX_FAILED})
     SELECT w."groupId"::text AS "errorId", g.type, m.methods, r.reason FROM walk w
     JOIN "ErrorGroup" g ON g.id = w."groupId"
     CROSS JOIN LATERAL (
       SELECT array_agg(DISTINCT x."recoveryMethod" ORDER BY x."recoveryMethod") FILTER (WHERE x."recoveryMethod" IS NOT NULL) AS methods
       FROM "ErrorOccurrence" x WHERE x."groupId" = w."groupId" AND x.recovered = false AND x."occurredAt" >= ${from} AND x."occurredAt" < ${to}${env}) m
     LEFT JOIN LATERAL (
       SELECT coalesce(x.metadata->>'failureReason', x.message) AS reason FROM "ErrorOccurrence" x
       WHERE x."groupId" = w."groupId" AND x."occurredAt" = w.at AND x.recovered = false LIMIT 1) r ON true
     ORDER BY w.n`,
    p.values,
  );
}

/**
 * Groups a user resolved inside the window, whatever they are now (a regression keeps resolvedAt, as
 * the resolution section counts it), with the time from the start of the resolved episode: the
 * regression before the resolve, else first seen (as getResolutionMetrics and the report measure it).
 */
async function loadManualResolutions(ctx: AnalyticsContext): Promise<{ seconds: number }[]> {
  const p = new SqlParams();
  const { scope, window } = ctx;
  const filters = [
    `g."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
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
