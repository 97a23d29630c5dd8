import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { isUnfiltered, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { futureFrom, weekCover } from "@/lib/analytics/rangeCover";

/** Users with errors in the window: how many, and the most affected ones with their error counts. */
export interface UserTotals {
  distinct: number;
  top: { id: string; count: number }[];
}

/**
 * One read of the per-user rollups shared by the overview (affected users) and the correlations
 * (top users), for unfiltered 30-day windows; null for other windows and filters, whose sections
 * count users on the occurrences themselves.
 */
export async function loadUserTotals(ctx: AnalyticsContext, top: number): Promise<UserTotals | null> {
  if (!isUnfiltered(ctx.scope) || ctx.window.source !== "daily") return null;
  const p = new SqlParams();
  const [row] = await queryRows<{ distinct: number; top: UserTotals["top"] | null }>(
    `WITH u AS MATERIALIZED (${userCountsSql(ctx, p)})
     SELECT (SELECT count(*)::int FROM u) AS distinct,
       (SELECT json_agg(json_build_object('id', id, 'count', n) ORDER BY n DESC, id) FROM (SELECT id, n FROM u ORDER BY n DESC, id LIMIT ${top}) t) AS top`,
    p.values,
  );
  return { distinct: row.distinct, top: row.top ?? [] };
}

/**
 * SQL of a derived table `(id, n)`: errors per user over a day-aligned window, for users with any,
 * from whole weeks of UserWeekly plus the days weekCover adds or subtracts from UserDaily. Exact
 * (n is a sum of the same events), so `n > 0` also answers "was this user affected".
 */
function userCountsSql(ctx: AnalyticsContext, p: SqlParams): string {
  const { scope, window } = ctx;
  const cover = weekCover(window.start, window.end, futureFrom(ctx.now));
  const ws = p.add(scope.workspaceId);
  const project = scope.projectId ? ` AND r."projectId" = ${p.add(scope.projectId)}::uuid` : "";
  const part = (table: string, column: string, terms: { key: string; sign: number }[]) => {
    const keys = p.add(terms.map((t) => t.key));
    return `SELECT r."userId", t.sign * r.count AS n
      FROM unnest(${keys}::date[], ${p.add(terms.map((t) => t.sign))}::int[]) AS t(key, sign)
      JOIN "${table}" r ON r."workspaceId" = ${ws}::uuid AND r.${column} = ANY(${keys}::date[]) AND r.${column} = t.key${project}`;
  };
  return `SELECT "userId" AS id, sum(n)::int AS n FROM (
      ${part("UserWeekly", "week", cover.weeks)}
      UNION ALL
      ${part("UserDaily", "day", cover.days)}
    ) u GROUP BY 1 HAVING sum(n) > 0`;
}
