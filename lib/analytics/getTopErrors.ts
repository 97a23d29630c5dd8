import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { countsSql, SqlParams } from "@/lib/analytics/countsSql";
import { priorityScore } from "@/lib/analytics/priority";
import { queryRows } from "@/lib/analytics/queryRows";
import type { Severity } from "@/lib/ingest/eventSchema";

const TOP = 10;
/** Unresolved candidates ranked by priority: the most frequent this many in the window. */
const UNRESOLVED_CANDIDATES = 1000;

interface Row {
  id: string;
  type: string;
  message: string;
  severity: Severity;
  status: string;
  n: string;
  lastSeen: Date;
  firstSeen: Date;
  usersAffected: number;
  creditsLost: string;
}

/** Top errors in the window by occurrences, by impact (users, then credits) and open ones by priority. */
export async function getTopErrors(ctx: AnalyticsContext) {
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, ctx.window, ctx.window.start, ctx.window.end, p);
  const select = `SELECT g.id::text, g.type, g.message, g.severity::text, g.status::text, w.n, g."lastSeen", g."firstSeen", g."usersAffected", g."creditsLost"
    FROM (SELECT "groupId", sum(count) AS n FROM ev GROUP BY 1) w JOIN "ErrorGroup" g ON g.id = w."groupId"`;
  const [byCount, byImpact, open] = await Promise.all([
    queryRows<Row>(`WITH ev AS (${ev}) ${select} ORDER BY w.n DESC, g.id LIMIT ${TOP}`, p.values),
    queryRows<Row>(`WITH ev AS (${ev}) ${select} ORDER BY g."usersAffected" DESC, g."creditsLost" DESC, w.n DESC LIMIT ${TOP}`, p.values),
    queryRows<Row>(
      `WITH ev AS (${ev}) ${select} WHERE g.status IN ('new', 'acknowledged', 'investigating') ORDER BY w.n DESC LIMIT ${UNRESOLVED_CANDIDATES}`,
      p.values,
    ),
  ]);
  const nowMs = ctx.now.getTime();
  return {
    byOccurrence: byCount.map((r) => ({ errorId: r.id, type: r.type, message: r.message, severity: r.severity, count: Number(r.n), lastSeen: r.lastSeen.toISOString() })),
    byImpact: byImpact.map((r) => ({ errorId: r.id, type: r.type, message: r.message, severity: r.severity, usersAffected: r.usersAffected, creditsLost: Number(r.creditsLost) })),
    unresolved: open
      .map((r) => {
        const age = Math.max(0, (nowMs - r.firstSeen.getTime()) / 3_600_000);
        return {
          errorId: r.id,
          type: r.type,
          message: r.message,
          severity: r.severity,
          status: r.status,
          age: Math.round(age * 10) / 10,
          priority: priorityScore({ severity: r.severity, count: Number(r.n), users: r.usersAffected, ageHours: age }),
        };
      })
      .sort((a, b) => b.priority - a.priority)
      .slice(0, TOP),
  };
}

export type TopErrors = Awaited<ReturnType<typeof getTopErrors>>;
