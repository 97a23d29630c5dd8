import type { CountSource, TimeWindow } from "@/lib/analytics/timeWindow";
import type { Severity } from "@/lib/domain/severity";

/** Collects positional parameters while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface Scope {
  workspaceId: string;
  projectId?: string;
  environment?: string;
  severity?: Severity;
}

/** Resolution of the time column `at` that countsSql yields for each source. */
export const SOURCE_STEP_MS: Record<CountSource, number> = { raw: 5 * 60_000, hourly: 3_600_000, daily: 86_400_000 };

/**
 * SQL of a derived table `(groupId, at, severity, count, creditsLost)`: error counts per group over
 * [from, to), read from the cheapest source that has the window's resolution (raw occurrences for
 * 1h, hourly rollup for 24h/7d, daily rollup for 30d; see {@link countSource}). `at` stays in the source's own type — a
 * `date` for the daily rollup, an hour or a 5-minute `timestamptz` otherwise — so that filters and
 * aggregates over hundreds of thousands of rows never convert per row: compare it with
 * {@link timeParam}, turn aggregated results into instants with {@link asInstant}. Severity is the
 * group's, so filters agree across sections.
 */
export function countsSql(scope: Scope, source: CountSource, from: Date, to: Date, p: SqlParams, groupIds?: string[]): string {
  if (source === "raw") {
    const filters = occurrenceFilters(scope, from, to, p);
    if (groupIds) filters.push(`o."groupId" = ANY(${p.add(groupIds)}::uuid[])`);
    return `SELECT o."groupId", date_bin('${SOURCE_STEP_MS.raw / 1000} seconds'::interval, o."occurredAt", TIMESTAMPTZ 'epoch') AS at,
        g.severity, count(*)::int AS count, sum(o."creditsLost") AS "creditsLost"
      FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
      WHERE ${filters.join(" AND ")}
      GROUP BY 1, 2, 3`;
  }
  const daily = source === "daily";
  if (daily && scope.environment) throw new Error("the daily rollup has no environment: pick the source with countSource()");
  const at = daily ? "r.day" : "r.bucket";
  const filters = [
    `r."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `${at} >= ${timeParam(source, from, p)}`,
    `${at} < ${timeParam(source, to, p)}`,
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `r.environment = ${p.add(scope.environment)}`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
    groupIds && `r."groupId" = ANY(${p.add(groupIds)}::uuid[])`,
  ].filter(Boolean);
  return `SELECT r."groupId", ${at} AS at, r.severity, r.count, r."creditsLost"
    FROM ${daily ? `"ErrorDaily"` : `"ErrorHourly"`} r
    WHERE ${filters.join(" AND ")}`;
}

/**
 * The source countsSql reads for a window and scope: the window's own, except that the daily rollup
 * has no environment, so environment-filtered daily windows read the hourly one.
 */
export function countSource(scope: Scope, window: TimeWindow): CountSource {
  return window.source === "daily" && scope.environment ? "hourly" : window.source;
}

/** A parameter comparable with countsSql's `at` without conversion (daily: the UTC day holding the instant). */
export function timeParam(source: CountSource, at: Date, p: SqlParams): string {
  return source === "daily" ? `${p.add(isoDay(at))}::date` : `${p.add(at)}::timestamptz`;
}

/** An aggregated `at` expression as a timestamptz (a daily `date` is midnight UTC). */
export function asInstant(source: CountSource, expr: string): string {
  return source === "daily" ? `(${expr}::timestamp AT TIME ZONE 'UTC')` : expr;
}

/**
 * WHERE conditions on occurrences `o` (joined with their group `g`) for a scope over [from, to):
 * the one definition every raw-occurrence query of the view uses.
 */
export function occurrenceFilters(scope: Scope, from: Date, to: Date, p: SqlParams): string[] {
  return [
    `o."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `o."occurredAt" >= ${p.add(from)}`,
    `o."occurredAt" < ${p.add(to)}`,
    scope.projectId && `o."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `o.environment = ${p.add(scope.environment)}`,
    scope.severity && `g.severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter((f): f is string => Boolean(f));
}

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True when no filter narrows the workspace: the per-day user/agent rollups then answer exactly. */
export function isUnfiltered(scope: Scope): boolean {
  return !scope.environment && !scope.severity;
}
