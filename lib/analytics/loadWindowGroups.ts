import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { countSource, countsSql, SqlParams, timeParam } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import type { CountSource } from "@/lib/analytics/timeWindow";
import { dayCover, futureFrom, futureHoursFrom, weekCover, type CoverTerm } from "@/lib/analytics/rangeCover";
import type { Severity } from "@/lib/domain/severity";

/** One group with events in the window or the previous one: its counts there and its own fields. */
export interface WindowGroup {
  id: string;
  /** Occurrences in the window and in the previous window of equal length. */
  cur: number;
  prev: number;
  /** Credits lost by the window's occurrences. */
  credits: number;
  type: string;
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
}

/** What a response shows of a group beyond its counts (see loadGroupBriefs). */
export interface GroupBrief {
  message: string;
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
       g.type, g.category, g.source, g.severity::text, g.status::text,
       (extract(epoch FROM g."firstSeen") * 1000)::float8 AS "firstSeenMs", (extract(epoch FROM g."lastSeen") * 1000)::float8 AS "lastSeenMs",
       g."occurrenceCount", g."usersAffected", g."agentsAffected", g."creditsLost"::float8 AS "creditsLost"
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
 * (and credits lost in the `cur` ones), for groups with any, read from the cheapest rollups: whole
 * weeks plus single days for day-aligned windows (30d), whole days plus single hours for
 * hour-aligned ones (24h, 7d) — each partial block added up or subtracted as rangeCover decides —
 * and the window's own rollup otherwise (1h; environment-filtered 24h/7d).
 */
export function perGroupCountsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams): string {
  const source = countSource(ctx.scope, ctx.window);
  let rows: string;
  if (source === "daily") rows = coverRowsSql(ctx, ranges, p, WEEKS_AND_DAYS);
  else if (source === "hourly" && !ctx.scope.environment) rows = coverRowsSql(ctx, ranges, p, DAYS_AND_HOURS);
  else rows = rollupRowsSql(ctx, source, ranges, p);
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

/** A two-level rollup: coarse rows for whole blocks, fine rows for the rest (see rangeCover.ts). */
interface CoverLevels {
  cover: (from: Date, to: Date, now: Date) => { coarse: CoverTerm[]; fine: CoverTerm[] };
  coarse: { table: string; column: string; type: "date" | "timestamptz" };
  fine: { table: string; column: string; type: "date" | "timestamptz" };
}

/** Day-aligned windows (30d): weeks of ErrorWeekly, days of ErrorDaily. */
const WEEKS_AND_DAYS: CoverLevels = {
  cover: (from, to, now) => {
    const c = weekCover(from, to, futureFrom(now));
    return { coarse: c.weeks, fine: c.days };
  },
  coarse: { table: "ErrorWeekly", column: "week", type: "date" },
  fine: { table: "ErrorDaily", column: "day", type: "date" },
};

/** Hour-aligned windows (24h, 7d) without an environment filter: days of ErrorDaily, hours of ErrorHourly (all environments). */
const DAYS_AND_HOURS: CoverLevels = {
  cover: (from, to, now) => {
    const c = dayCover(from, to, futureHoursFrom(now));
    return { coarse: c.days, fine: c.hours };
  },
  coarse: { table: "ErrorDaily", column: "day", type: "date" },
  fine: { table: "ErrorHourly", column: "bucket", type: "timestamptz" },
};

/** Rows (groupId, n, credits, cur) of the coarse and fine rollups that cover the ranges exactly. */
function coverRowsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams, levels: CoverLevels): string {
  const { scope } = ctx;
  const covers = ranges.map((r) => ({ cover: levels.cover(r.from, r.to, ctx.now), cur: r.cur }));
  const ws = p.add(scope.workspaceId);
  const filters = [
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ]
    .filter(Boolean)
    .map((f) => ` AND ${f}`)
    .join("");
  // The terms as a tiny table to join; the keys are repeated as `= ANY(…)` so the index on
  // (workspaceId, time) fetches just those rows.
  const part = (level: CoverLevels["coarse"], pick: (c: { coarse: CoverTerm[]; fine: CoverTerm[] }) => CoverTerm[]) => {
    const all = covers.flatMap((c) => pick(c.cover).map((t) => ({ ...t, cur: c.cur })));
    const keys = p.add(all.map((t) => t.key));
    return `SELECT r."groupId", t.sign * r.count AS n, ${signedCredits} AS credits, t.cur
      FROM unnest(${keys}::${level.type}[], ${p.add(all.map((t) => t.sign))}::int[], ${p.add(all.map((t) => t.cur))}::bool[]) AS t(key, sign, cur)
      JOIN "${level.table}" r ON r."workspaceId" = ${ws}::uuid AND r.${level.column} = ANY(${keys}::${level.type}[]) AND r.${level.column} = t.key${filters}`;
  };
  return `${part(levels.coarse, (c) => c.coarse)}
    UNION ALL
    ${part(levels.fine, (c) => c.fine)}`;
}

/**
 * Message, release and environment of the few groups a response shows. The per-group read leaves
 * them out: for 10,000s of groups that would be as many texts and context documents to read.
 */
export async function loadGroupBriefs(ids: string[]): Promise<Map<string, GroupBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<GroupBrief & { id: string }>(
    `SELECT id::text, left(message, 500) AS message, context->>'release' AS release, context->>'environment' AS environment
     FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Groups with at least one event inside the window. */
export function activeInWindow(groups: WindowGroup[]): WindowGroup[] {
  return groups.filter((g) => g.cur > 0);
}
