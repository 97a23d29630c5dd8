import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { occurrenceFilters, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { percentage, round, summarise } from "@/lib/analytics/stats";

const MAX_OUTCOMES = 50_000;
const MAX_FAILED = 20;

interface OutcomeRow {
  groupId: string;
  type: string;
  recovered: boolean;
  method: string | null;
  durationMs: number | null;
  automatic: boolean | null;
  occurredAt: Date;
  reason: string | null;
}

/**
 * Recovery analysis. Automatic recovery comes from the outcomes clients report on occurrences
 * (`recovery: {recovered, method, durationMs, automatic}`); manual recovery runs from first seen (or
 * the last regression) to resolved, for groups a user resolved inside the window.
 */
export async function getRecovery(ctx: AnalyticsContext) {
  const [outcomes, manual] = await Promise.all([loadOutcomes(ctx), loadManualResolutions(ctx)]);

  const automaticSeconds = outcomes.filter((o) => o.recovered && o.automatic !== false && o.durationMs !== null).map((o) => o.durationMs! / 1000);
  const manualSeconds = manual.map((m) => m.seconds);

  const byMethod = new Map<string, { uses: number; successes: number; successMs: number[] }>();
  for (const o of outcomes) {
    const key = o.method ?? "unspecified";
    const m = byMethod.get(key) ?? { uses: 0, successes: 0, successMs: [] };
    m.uses++;
    if (o.recovered) {
      m.successes++;
      if (o.durationMs !== null) m.successMs.push(o.durationMs);
    }
    byMethod.set(key, m);
  }

  const failedByGroup = new Map<string, { errorId: string; type: string; methods: Set<string>; reason: string; at: number }>();
  for (const o of outcomes) {
    if (o.recovered) continue;
    const f = failedByGroup.get(o.groupId) ?? { errorId: o.groupId, type: o.type, methods: new Set<string>(), reason: "", at: 0 };
    if (o.method) f.methods.add(o.method);
    if (o.occurredAt.getTime() >= f.at) {
      f.at = o.occurredAt.getTime();
      f.reason = o.reason ?? "recovery reported as failed";
    }
    failedByGroup.set(o.groupId, f);
  }

  const automaticRecovered = outcomes.filter((o) => o.recovered && o.automatic !== false).length;
  return {
    recoveryTimes: { automatic: summarise(automaticSeconds), manual: summarise(manualSeconds) },
    recoveryMethods: [...byMethod.entries()]
      .map(([method, m]) => ({
        method,
        successRate: percentage(m.successes, m.uses),
        avgTime: m.successMs.length ? round(m.successMs.reduce((a, b) => a + b, 0) / m.successMs.length / 1000) : 0,
        usageCount: m.uses,
      }))
      .sort((a, b) => b.usageCount - a.usageCount),
    failedRecoveries: [...failedByGroup.values()]
      .sort((a, b) => b.at - a.at)
      .slice(0, MAX_FAILED)
      .map((f) => ({ errorId: f.errorId, type: f.type, attemptedMethods: [...f.methods].sort(), failureReason: f.reason })),
    summary: {
      outcomesReported: outcomes.length,
      automaticRecovered,
      autoRecoveryRate: percentage(automaticRecovered, outcomes.length),
      manualInterventions: manual.length,
      avgRecoveryTime: summarise([...automaticSeconds, ...manualSeconds]).avg,
    },
  };
}

export type Recovery = Awaited<ReturnType<typeof getRecovery>>;

async function loadOutcomes(ctx: AnalyticsContext): Promise<OutcomeRow[]> {
  const p = new SqlParams();
  const { scope, window } = ctx;
  const filters = [...occurrenceFilters(scope, window.start, window.end, p), `o.recovered IN (true, false)`];
  return queryRows<OutcomeRow>(
    `SELECT o."groupId", g.type, o.recovered, o."recoveryMethod" AS method, o."recoveryDurationMs" AS "durationMs",
       o."recoveryAutomatic" AS automatic, o."occurredAt", coalesce(o.metadata->>'failureReason', o.message) AS reason
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
     WHERE ${filters.join(" AND ")}
     ORDER BY o."occurredAt" DESC
     LIMIT ${MAX_OUTCOMES}`,
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
