import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { countsSql, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import type { Severity } from "@/lib/ingest/eventSchema";

/** One group with events in the window or the previous one: its counts there and its own fields. */
export interface WindowGroup {
  id: string;
  /** Occurrences in the window and in the previous window of equal length. */
  cur: number;
  prev: number;
  /** Credits lost by the window's occurrences. */
  credits: number;
  /** First and last bucket of the window with events (null when none). */
  firstBucket: Date | null;
  lastBucket: Date | null;
  type: string;
  message: string;
  category: string;
  source: string;
  severity: Severity;
  status: string;
  firstSeen: Date;
  lastSeen: Date;
  occurrenceCount: number;
  usersAffected: number;
  agentsAffected: number;
  creditsLost: number;
  release: string | null;
  environment: string | null;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const severityRank = (s: Severity) => SEVERITY_RANK[s];

/**
 * The one scan of the rollup that most sections share: per-group counts over the window and the
 * previous window, joined with the group's fields. Sections then aggregate these rows in memory
 * instead of each scanning the rollup again.
 */
export async function loadWindowGroups(ctx: AnalyticsContext): Promise<WindowGroup[]> {
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, ctx.window, ctx.window.prevStart, ctx.window.end, p);
  const start = p.add(ctx.window.start);
  const rows = await queryRows<Record<string, unknown>>(
    `WITH ev AS (${ev}), agg AS (
       SELECT "groupId",
         coalesce(sum(count) FILTER (WHERE bucket >= ${start}), 0) AS cur,
         coalesce(sum(count) FILTER (WHERE bucket < ${start}), 0) AS prev,
         coalesce(sum("creditsLost") FILTER (WHERE bucket >= ${start}), 0) AS credits,
         min(bucket) FILTER (WHERE bucket >= ${start}) AS "firstBucket",
         max(bucket) FILTER (WHERE bucket >= ${start}) AS "lastBucket"
       FROM ev GROUP BY 1)
     SELECT g.id::text, agg.cur, agg.prev, agg.credits, agg."firstBucket", agg."lastBucket", g.type, left(g.message, 500) AS message,
       g.category, g.source, g.severity::text, g.status::text, g."firstSeen", g."lastSeen", g."occurrenceCount",
       g."usersAffected", g."agentsAffected", g."creditsLost", g.context->>'release' AS release, g.context->>'environment' AS environment
     FROM agg JOIN "ErrorGroup" g ON g.id = agg."groupId"`,
    p.values,
  );
  return rows.map((r) => ({
    ...(r as unknown as WindowGroup),
    cur: Number(r.cur),
    prev: Number(r.prev),
    credits: Number(r.credits),
    creditsLost: Number(r.creditsLost),
  }));
}

/** Groups with at least one event inside the window. */
export function activeInWindow(groups: WindowGroup[]): WindowGroup[] {
  return groups.filter((g) => g.cur > 0);
}
