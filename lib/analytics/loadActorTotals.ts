import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { andAll, isUnfiltered, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { futureFrom, futureHoursFrom, weekCover, weekDayHourCover, type CoverTerm } from "@/lib/analytics/rangeCover";

export type ActorKind = "user" | "agent";

/** Users (or agents) with errors in the window: how many, and the most affected ones with their error counts. */
export interface ActorTotals {
  distinct: number;
  top: { id: string; count: number }[];
}

/** One rollup level an actor's counts can be read from. */
interface ActorLevel {
  table: string;
  /** Column and parameter type of the level's time key. */
  time: string;
  type: "date" | "timestamptz";
  idColumn: string;
  /** ActorCount / ActorFiveMinute rows carry kind, span, environment and severity; the older per-day tables none of them. */
  split: { span: number | null } | null;
}

const actorCount = (span: number): ActorLevel => ({ table: "ActorCount", time: "start", type: "timestamptz", idColumn: "actorId", split: { span } });
const FIVE_MINUTES: ActorLevel = { table: "ActorFiveMinute", time: "bucket", type: "timestamptz", idColumn: "actorId", split: { span: null } };
const USER_DAILY: ActorLevel = { table: "UserDaily", time: "day", type: "date", idColumn: "userId", split: null };
const USER_WEEKLY: ActorLevel = { table: "UserWeekly", time: "week", type: "date", idColumn: "userId", split: null };
const AGENT_DAILY: ActorLevel = { table: "AgentDaily", time: "day", type: "date", idColumn: "agentId", split: null };

/**
 * Per-user (or per-agent) error counts over the window, for every timeframe and filter, from
 * rollups: the window's 5-minute rows (1h), whole weeks and days plus single hours (24h, 7d) or
 * whole weeks plus single days (30d), partial blocks added or subtracted as rangeCover decides. Unfiltered
 * views read the per-day/per-week tables without environment and severity where they exist; the
 * others read ActorCount's rows for the filter. Events whose counts the actor-fold job has not
 * moved into those tables yet are read from ActorPending in the same snapshot (pendingPart). Counts are exact sums of the same events, so
 * `n > 0` answers "had an error in the window" and the distinct count needs no second read.
 * Rows read: about (users with errors in a term's bucket) per term, a few dozen terms at most.
 */
export async function loadActorTotals(ctx: AnalyticsContext, kind: ActorKind, top: number): Promise<ActorTotals> {
  const p = new SqlParams();
  const [row] = await queryRows<{ distinct: number; top: ActorTotals["top"] | null }>(
    `WITH a AS MATERIALIZED (${actorCountsSql(ctx, kind, p)})
     SELECT (SELECT count(*)::int FROM a) AS distinct,
       (SELECT json_agg(json_build_object('id', id, 'count', n) ORDER BY n DESC, id) FROM (SELECT id, n FROM a ORDER BY n DESC, id LIMIT ${top}) t) AS top`,
    p.values,
  );
  return { distinct: row.distinct, top: row.top ?? [] };
}

/** SQL of a derived table `(id, n)`: errors per actor in the window, for actors with any. */
export function actorCountsSql(ctx: AnalyticsContext, kind: ActorKind, p: SqlParams): string {
  const { window, now, scope } = ctx;
  const plain = isUnfiltered(scope);
  const parts: string[] = [];
  if (window.source === "fiveMinute") {
    parts.push(rangePart(ctx, kind, FIVE_MINUTES, p));
  } else {
    const c = window.source === "hourly" ? weekDayHourCover(window.start, window.end, futureHoursFrom(now)) : { ...weekCover(window.start, window.end, futureFrom(now)), hours: [] };
    const week = plain && kind === "user" ? USER_WEEKLY : actorCount(10080);
    const day = plain ? (kind === "user" ? USER_DAILY : AGENT_DAILY) : actorCount(1440);
    parts.push(termsPart(ctx, kind, week, c.weeks, p), termsPart(ctx, kind, day, c.days, p), termsPart(ctx, kind, actorCount(60), c.hours, p));
  }
  parts.push(pendingPart(ctx, kind, p));
  return `SELECT id, sum(n)::int AS n FROM (${parts.filter(Boolean).join(" UNION ALL ")}) x GROUP BY 1 HAVING sum(n) > 0`;
}

/** Conditions on a level's rows `r` beyond workspace and time: kind, span, project, environment, severity. */
function levelFilters(ctx: AnalyticsContext, kind: ActorKind, level: ActorLevel, p: SqlParams): string {
  return andAll([level.split && `r.kind = ${p.add(kind)}`, level.split?.span && `r.span = ${level.split.span}`, ...scopeFilters(ctx, p, level.split !== null)]);
}

/** The scope's conditions on rows `r`: the project, and environment and severity where the rows carry them. */
function scopeFilters(ctx: AnalyticsContext, p: SqlParams, split: boolean): (string | false | undefined)[] {
  const { scope } = ctx;
  return [
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    split && scope.environment && `r.environment = ${p.add(scope.environment)}`,
    split && scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ];
}

/**
 * Rows of whole terms (a week, a day, an hour), added or subtracted: one index range per sign with
 * the keys as constants, which PostgreSQL estimates well (a join with the terms it does not).
 */
function termsPart(ctx: AnalyticsContext, kind: ActorKind, level: ActorLevel, terms: CoverTerm[], p: SqlParams): string {
  const bySign = ([1, -1] as const)
    .map((sign) => ({ sign, keys: terms.filter((t) => t.sign === sign).map((t) => (level.type === "date" || t.key.length > 10 ? t.key : `${t.key}T00:00:00Z`)) }))
    .filter((s) => s.keys.length > 0);
  return bySign
    .map(
      ({ sign, keys }) => `SELECT r."${level.idColumn}" AS id, ${sign === 1 ? "" : "-"}r.count AS n FROM "${level.table}" r
    WHERE r."workspaceId" = ${p.add(ctx.scope.workspaceId)}::uuid AND r.${level.time} = ANY(${p.add(keys)}::${level.type}[])${levelFilters(ctx, kind, level, p)}`,
    )
    .join(" UNION ALL ");
}

/** Rows of the window itself, bucket by bucket (the 1h view's 5-minute rows). */
function rangePart(ctx: AnalyticsContext, kind: ActorKind, level: ActorLevel, p: SqlParams): string {
  const { window } = ctx;
  return `SELECT r."${level.idColumn}" AS id, r.count AS n FROM "${level.table}" r
    WHERE r."workspaceId" = ${p.add(ctx.scope.workspaceId)}::uuid AND r.${level.time} >= ${p.add(window.start)}::timestamptz
      AND r.${level.time} < ${p.add(window.end)}::timestamptz${levelFilters(ctx, kind, level, p)}`;
}

/**
 * The window's events still in ActorPending (ingest appends them; lib/analytics/actors/foldActorCounts.ts
 * moves them into the rollups in one transaction, so each event is read from exactly one side). The
 * window is aligned to its rollup's buckets (lib/analytics/timeWindow.ts), so the time range selects
 * exactly the events of the rows the cover reads.
 */
function pendingPart(ctx: AnalyticsContext, kind: ActorKind, p: SqlParams): string {
  const { window, scope } = ctx;
  const column = kind === "user" ? "userId" : "agentId";
  return `SELECT r."${column}" AS id, 1 AS n FROM "ActorPending" r
    WHERE r."workspaceId" = ${p.add(scope.workspaceId)}::uuid AND r."${column}" IS NOT NULL
      AND r."occurredAt" >= ${p.add(window.start)}::timestamptz AND r."occurredAt" < ${p.add(window.end)}::timestamptz${andAll(scopeFilters(ctx, p, true))}`;
}
