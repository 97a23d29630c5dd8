import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { countSource, countsSql, SqlParams, timeParam } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import type { CountSource } from "@/lib/analytics/timeWindow";
import { futureFrom, weekCover, type CoverTerm, type WeekCover } from "@/lib/analytics/weekCover";
import type { Severity } from "@/lib/ingest/eventSchema";

/** One group with events in the window or the previous one: its counts there and its own fields. */
export interface WindowGroup {
  id: string;
  /** Occurrences in the window and in the previous window of equal length. */
  cur: number;
  prev: number;
  /** Credits lost by the window's occurrences. */
  credits: number;
  type: string;
  message: string;
  category: string;
  source: string;
  severity: Severity;
  status: string;
  /** The group's first and last seen, as epoch milliseconds (cheaper to read for 10,000s of rows than Dates). */
  firstSeenMs: number;
  lastSeenMs: number;
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
 * The one read of the rollups that most sections share: per-group counts over the window and the
 * previous window, joined with the group's fields. Sections then aggregate these rows in memory
 * instead of each reading the rollups again.
 */
export async function loadWindowGroups(ctx: AnalyticsContext): Promise<WindowGroup[]> {
  const p = new SqlParams();
  const { window } = ctx;
  const counts = perGroupCountsSql(ctx, [{ from: window.prevStart, to: window.start, cur: false }, { from: window.start, to: window.end, cur: true }], p);
  return queryRows<WindowGroup>(
    `SELECT g.id::text, c.cur, c.prev, c.credits,
       g.type, left(g.message, 500) AS message, g.category, g.source, g.severity::text, g.status::text,
       (extract(epoch FROM g."firstSeen") * 1000)::float8 AS "firstSeenMs", (extract(epoch FROM g."lastSeen") * 1000)::float8 AS "lastSeenMs",
       g."occurrenceCount", g."usersAffected", g."agentsAffected", g."creditsLost"::float8 AS "creditsLost",
       g.context->>'release' AS release, g.context->>'environment' AS environment
     FROM (${counts}) c JOIN "ErrorGroup" g ON g.id = c."groupId"`,
    p.values,
  );
}

/** A time range whose per-group counts go to `cur` (true) or `prev` (false). */
export interface CountRange {
  from: Date;
  to: Date;
  cur: boolean;
}

/**
 * SQL of a derived table `(groupId, cur, prev, credits)`: per-group event counts over the ranges
 * (and credits lost in the `cur` ones), for groups with any, read from the cheapest rollups for the
 * window: for day-aligned windows whole weeks from the weekly rollup and the remaining days from the
 * daily one, added or subtracted as weekCover decides (about 5 rows per group for 30 days);
 * otherwise the window's own rollup (raw 5-minute, hourly).
 */
export function perGroupCountsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams): string {
  const source = countSource(ctx.scope, ctx.window);
  const rows = source === "daily" ? weeklyRowsSql(ctx, ranges, p) : rollupRowsSql(ctx, source, ranges, p);
  return `SELECT "groupId", coalesce(sum(n) FILTER (WHERE cur), 0)::int AS cur, coalesce(sum(n) FILTER (WHERE NOT cur), 0)::int AS prev,
      coalesce(sum(credits) FILTER (WHERE cur AND credits <> 0), 0)::float8 AS credits
    FROM (${rows}) s GROUP BY 1 HAVING sum(n) <> 0`;
}

/** Rows (groupId, n, credits, cur) of the window's own rollup. */
function rollupRowsSql(ctx: AnalyticsContext, source: CountSource, ranges: CountRange[], p: SqlParams): string {
  const from = new Date(Math.min(...ranges.map((r) => r.from.getTime())));
  const to = new Date(Math.max(...ranges.map((r) => r.to.getTime())));
  const ev = countsSql(ctx.scope, source, from, to, p);
  const inCur = ranges.filter((r) => r.cur).map((r) => `(at >= ${timeParam(source, r.from, p)} AND at < ${timeParam(source, r.to, p)})`);
  return `SELECT "groupId", count AS n, "creditsLost"::float8 AS credits, ${inCur.length ? inCur.join(" OR ") : "false"} AS cur FROM (${ev}) ev`;
}

/** Credits are rare: skip the numeric arithmetic for the many rows without. */
const signedCredits = `CASE WHEN r."creditsLost" = 0 THEN 0 ELSE t.sign * r."creditsLost"::float8 END`;

/** Rows (groupId, n, credits, cur) of the weekly and daily rollups that cover the (day-aligned) ranges. */
function weeklyRowsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams): string {
  const { scope } = ctx;
  const covers = ranges.map((r) => ({ cover: weekCover(r.from, r.to, futureFrom(ctx.now)), cur: r.cur }));
  // The terms as a tiny table to join; the keys are repeated as `= ANY(…)` so the index on
  // (workspaceId, week|day) fetches just those rows.
  const terms = (pick: (c: WeekCover) => CoverTerm[], column: string) => {
    const all = covers.flatMap((c) => pick(c.cover).map((t) => ({ ...t, cur: c.cur })));
    const keys = p.add(all.map((t) => t.key));
    return {
      table: `unnest(${keys}::date[], ${p.add(all.map((t) => t.sign))}::int[], ${p.add(all.map((t) => t.cur))}::bool[]) AS t(key, sign, cur)`,
      keys: `r.${column} = ANY(${keys}::date[])`,
    };
  };
  const weeks = terms((c) => c.weeks, "week");
  const days = terms((c) => c.days, "day");
  const ws = p.add(scope.workspaceId);
  const filters = [
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ]
    .filter(Boolean)
    .map((f) => ` AND ${f}`)
    .join("");
  return `SELECT r."groupId", t.sign * r.count AS n, ${signedCredits} AS credits, t.cur
      FROM ${weeks.table} JOIN "ErrorWeekly" r ON r."workspaceId" = ${ws}::uuid AND ${weeks.keys} AND r.week = t.key${filters}
    UNION ALL
    SELECT r."groupId", t.sign * r.count, ${signedCredits}, t.cur
      FROM ${days.table} JOIN "ErrorDaily" r ON r."workspaceId" = ${ws}::uuid AND ${days.keys} AND r.day = t.key${filters}`;
}

/** Groups with at least one event inside the window. */
export function activeInWindow(groups: WindowGroup[]): WindowGroup[] {
  return groups.filter((g) => g.cur > 0);
}
