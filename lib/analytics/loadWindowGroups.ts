import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { andAll, countsSql, SqlParams, timeParam } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import type { CountSource } from "@/lib/analytics/timeWindow";
import { futureFrom, futureHoursFrom, weekCover, weekDayHourCover, type CoverTerm } from "@/lib/analytics/rangeCover";
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
  // The workspace's groups are read in one pass and hash-joined (OFFSET 0 keeps PostgreSQL from
  // probing the primary key once per counted group, which its row estimate would otherwise pick).
  return queryRows<WindowGroup>(
    `SELECT g.id::text, c.cur, c.prev, c.credits,
       g.type, g.category, g.source, g.severity::text, g.status::text,
       (extract(epoch FROM g."firstSeen") * 1000)::float8 AS "firstSeenMs", (extract(epoch FROM g."lastSeen") * 1000)::float8 AS "lastSeenMs",
       g."occurrenceCount", g."usersAffected", g."agentsAffected", g."creditsLost"::float8 AS "creditsLost"
     FROM (${counts}) c
     JOIN (SELECT id, type, category, source, severity, status, "firstSeen", "lastSeen", "occurrenceCount", "usersAffected", "agentsAffected", "creditsLost"
           FROM "ErrorGroup" WHERE "workspaceId" = ${p.add(ctx.scope.workspaceId)}::uuid OFFSET 0) g ON g.id = c."groupId"`,
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
 * weeks plus single days for day-aligned windows (30d), whole weeks, days and single hours for
 * hour-aligned ones (24h, 7d) — each partial block added up or subtracted as rangeCover decides,
 * from the per-environment rollups when the scope names an environment — and 5-minute rows for 1h.
 */
export function perGroupCountsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams): string {
  const source = ctx.window.source;
  const env = Boolean(ctx.scope.environment);
  let rows: string;
  if (source === "daily") rows = coverRowsSql(ctx, ranges, p, env ? ENV_WEEKS_AND_DAYS : WEEKS_AND_DAYS);
  else if (source === "hourly") rows = coverRowsSql(ctx, ranges, p, env ? ENV_WEEKS_DAYS_AND_HOURS : WEEKS_DAYS_AND_HOURS);
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

interface CoverLevel {
  table: string;
  column: string;
  type: "date" | "timestamptz";
  /** Rows per environment: filtered by the scope's environment (which the scope then has). */
  perEnvironment: boolean;
}

/** Rollup levels, coarse to fine, and how a range splits into their terms (see rangeCover.ts). */
interface CoverLevels {
  cover: (from: Date, to: Date, now: Date) => CoverTerm[][];
  levels: CoverLevel[];
}

const weeksAndDays = (from: Date, to: Date, now: Date) => {
  const c = weekCover(from, to, futureFrom(now));
  return [c.weeks, c.days];
};
const weeksDaysAndHours = (from: Date, to: Date, now: Date) => {
  const c = weekDayHourCover(from, to, futureHoursFrom(now));
  return [c.weeks, c.days, c.hours];
};

const ALL_WEEKS: CoverLevel = { table: "ErrorWeekly", column: "week", type: "date", perEnvironment: false };
const ALL_DAYS: CoverLevel = { table: "ErrorDaily", column: "day", type: "date", perEnvironment: false };
const ENV_WEEKS: CoverLevel = { table: "ErrorEnvWeekly", column: "week", type: "date", perEnvironment: true };
const ENV_DAYS: CoverLevel = { table: "ErrorEnvDaily", column: "day", type: "date", perEnvironment: true };
/** ErrorHourly has a row per environment: every environment's rows, or the scope's. */
const ALL_HOURS: CoverLevel = { table: "ErrorHourly", column: "bucket", type: "timestamptz", perEnvironment: false };
const ENV_HOURS: CoverLevel = { ...ALL_HOURS, perEnvironment: true };

/** Day-aligned windows (30d): weeks and days. */
const WEEKS_AND_DAYS: CoverLevels = { cover: weeksAndDays, levels: [ALL_WEEKS, ALL_DAYS] };
const ENV_WEEKS_AND_DAYS: CoverLevels = { cover: weeksAndDays, levels: [ENV_WEEKS, ENV_DAYS] };
/** Hour-aligned windows (24h, 7d): weeks, days and hours. */
const WEEKS_DAYS_AND_HOURS: CoverLevels = { cover: weeksDaysAndHours, levels: [ALL_WEEKS, ALL_DAYS, ALL_HOURS] };
const ENV_WEEKS_DAYS_AND_HOURS: CoverLevels = { cover: weeksDaysAndHours, levels: [ENV_WEEKS, ENV_DAYS, ENV_HOURS] };

/** Rows (groupId, n, credits, cur) of the rollups that cover the ranges exactly. */
function coverRowsSql(ctx: AnalyticsContext, ranges: CountRange[], p: SqlParams, spec: CoverLevels): string {
  const { scope } = ctx;
  const covers = ranges.map((r) => ({ terms: spec.cover(r.from, r.to, ctx.now), cur: r.cur }));
  const ws = p.add(scope.workspaceId);
  const filters = andAll([
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ]);
  const environment = scope.environment ? ` AND r.environment = ${p.add(scope.environment)}` : "";
  // The terms as a tiny table to join; the keys are repeated as `= ANY(…)` so the index on
  // (workspaceId, time) fetches just those rows.
  const parts = spec.levels.map((level, i) => {
    const all = covers.flatMap((c) => c.terms[i].map((t) => ({ ...t, cur: c.cur })));
    if (all.length === 0) return null;
    const keys = p.add(all.map((t) => t.key));
    return `SELECT r."groupId", t.sign * r.count AS n, ${signedCredits} AS credits, t.cur
      FROM unnest(${keys}::${level.type}[], ${p.add(all.map((t) => t.sign))}::int[], ${p.add(all.map((t) => t.cur))}::bool[]) AS t(key, sign, cur)
      JOIN "${level.table}" r ON r."workspaceId" = ${ws}::uuid AND r.${level.column} = ANY(${keys}::${level.type}[]) AND r.${level.column} = t.key${filters}${level.perEnvironment ? environment : ""}`;
  });
  const sql = parts.filter(Boolean).join("\n    UNION ALL\n    ");
  return sql || `SELECT NULL::uuid AS "groupId", 0 AS n, 0::float8 AS credits, false AS cur WHERE false`;
}

/**
 * Messages of the few groups a response shows. The per-group read leaves them out: for 10,000s of
 * groups that would be as many texts to read.
 */
export async function loadGroupBriefs(ids: string[]): Promise<Map<string, GroupBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<GroupBrief & { id: string }>(
    `SELECT id::text, left(message, 500) AS message FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Groups with at least one event inside the window. */
export function activeInWindow(groups: WindowGroup[]): WindowGroup[] {
  return groups.filter((g) => g.cur > 0);
}
