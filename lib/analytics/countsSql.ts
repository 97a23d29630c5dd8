import type { CountSource } from "@/lib/analytics/timeWindow";
import type { Severity } from "@/lib/domain/severity";

/** Collects positional parameters while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The conditions that are set, each as " AND <condition>" (to follow a WHERE clause); "" when none is. */
export function andAll(conditions: (string | false | null | undefined | 0)[]): string {
  return conditions
    .filter(Boolean)
    .map((c) => ` AND ${c}`)
    .join("");
}

export interface Scope {
  workspaceId: string;
  projectId?: string;
  environment?: string;
  severity?: Severity;
}

/** Resolution of the time column `at` that countsSql yields for each source. */
export const SOURCE_STEP_MS: Record<CountSource, number> = { fiveMinute: 5 * 60_000, hourly: 3_600_000, daily: 86_400_000 };

/** The per-group rollup of a source; the daily one per environment when the scope names one. */
function rollupOf(source: CountSource, scope: Scope): { table: string; at: string; hasEnvironment: boolean } {
  if (source === "fiveMinute") return { table: `"ErrorFiveMinute"`, at: "r.bucket", hasEnvironment: true };
  if (source === "hourly") return { table: `"ErrorHourly"`, at: "r.bucket", hasEnvironment: true };
  return scope.environment ? { table: `"ErrorEnvDaily"`, at: "r.day", hasEnvironment: true } : { table: `"ErrorDaily"`, at: "r.day", hasEnvironment: false };
}

/**
 * SQL of a derived table `(groupId, at, severity, count, creditsLost)`: error counts per group over
 * [from, to), read from the per-group rollup of the source's resolution (5-minute for 1h, hourly
 * for 24h/7d, daily — per environment when filtered — for 30d); never from occurrences, so it reads
 * at most (groups with events) × (buckets) × (environments) rows. `at` stays in the source's own
 * type — a `date` for the daily rollups, a `timestamptz` otherwise — so that filters and aggregates
 * never convert per row: compare it with {@link timeParam}, turn aggregated results into instants
 * with {@link asInstant}. Severity is the group's, so filters agree across sections. With
 * `groupIds` (a handful), rows are fetched by group.
 */
export function countsSql(scope: Scope, source: CountSource, from: Date, to: Date, p: SqlParams, groupIds?: string[]): string {
  const { table, at, hasEnvironment } = rollupOf(source, scope);
  const filters = [
    groupIds && `r."groupId" = ANY(${p.add(groupIds)}::uuid[])`,
    `r."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `${at} >= ${timeParam(source, from, p)}`,
    `${at} < ${timeParam(source, to, p)}`,
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && hasEnvironment && `r.environment = ${p.add(scope.environment)}`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  return `SELECT r."groupId", ${at} AS at, r.severity, r.count, r."creditsLost"
    FROM ${table} r
    WHERE ${filters.join(" AND ")}`;
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
 * WHERE conditions on occurrences `o` for a scope over [from, to): the one definition every
 * occurrence query of the view uses (recovery outcomes, the newest errors of a top user or agent).
 * The group's severity is matched through the workspace's groups of that severity (a hashed
 * semi-join), so no query joins a group per occurrence.
 */
export function occurrenceFilters(scope: Scope, from: Date, to: Date, p: SqlParams): string[] {
  const ws = p.add(scope.workspaceId);
  return [
    `o."workspaceId" = ${ws}::uuid`,
    `o."occurredAt" >= ${p.add(from)}`,
    `o."occurredAt" < ${p.add(to)}`,
    scope.projectId && `o."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `o.environment = ${p.add(scope.environment)}`,
    scope.severity && `o."groupId" IN (SELECT id FROM "ErrorGroup" WHERE "workspaceId" = ${ws}::uuid AND severity = ${p.add(scope.severity)}::"Severity")`,
  ].filter((f): f is string => Boolean(f));
}

export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True when neither environment nor severity narrows the workspace (the rollups without those columns then answer). */
export function isUnfiltered(scope: Scope): boolean {
  return !scope.environment && !scope.severity;
}
