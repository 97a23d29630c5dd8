import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import { pool } from "@/lib/db/pool";

export interface ProjectMeasure {
  projectId: string;
  projectName: string;
  /** spike: error events in the window; error_rate: failed + crashed executions in the window. */
  current: number;
  /** spike: error events in the baseline period before the window; error_rate: all executions in the window. */
  reference: number;
}

/**
 * Per project of the rule's workspace. Error rate is the product's one definition (docs/metrics.md,
 * the overview's errorRate): (failed + crashed) / (ok + failed + crashed) executions, over the whole
 * minutes of the window (executions are counted per minute). Spike: error events in the window and
 * in the baseline period just before it.
 */
export async function measureAggregates(rule: EvaluableRule, now: Date): Promise<ProjectMeasure[]> {
  const windowMs = rule.windowSeconds * 1000;
  if (rule.kind === "error_rate") {
    const start = new Date(Math.floor((now.getTime() - windowMs) / 60_000) * 60_000);
    const { rows } = await pool().query<ProjectMeasure>(
      `SELECT p.id AS "projectId", p.name AS "projectName", coalesce(x.failed, 0)::float8 AS current, coalesce(x.total, 0)::float8 AS reference
       FROM "Project" p
       LEFT JOIN LATERAL (
         SELECT sum(m.failed::bigint + m.crashed) AS failed, sum(m.ok::bigint + m.failed + m.crashed) AS total FROM "ExecutionMinute" m
         WHERE m."projectId" = p.id AND m.minute >= $2::timestamptz AND m.minute <= $3::timestamptz
       ) x ON true
       WHERE p."workspaceId" = $1::uuid AND p."deletingAt" IS NULL`,
      [rule.workspaceId, start.toISOString(), now.toISOString()],
    );
    return rows;
  }
  const windowStart = new Date(now.getTime() - windowMs);
  const baselineStart = new Date(windowStart.getTime() - (rule.baselineSeconds ?? rule.windowSeconds) * 1000);
  const { rows } = await pool().query<ProjectMeasure>(
    `SELECT p.id AS "projectId", p.name AS "projectName",
       count(o.id) FILTER (WHERE o."occurredAt" > $2::timestamptz)::int AS current,
       count(o.id) FILTER (WHERE o."occurredAt" <= $2::timestamptz)::int AS reference
     FROM "Project" p
     LEFT JOIN "ErrorOccurrence" o ON o."workspaceId" = p."workspaceId" AND o."projectId" = p.id
       AND o."occurredAt" > $3::timestamptz AND o."occurredAt" <= $4::timestamptz
     WHERE p."workspaceId" = $1::uuid AND p."deletingAt" IS NULL
     GROUP BY p.id`,
    [rule.workspaceId, windowStart.toISOString(), baselineStart.toISOString(), now.toISOString()],
  );
  return rows;
}
