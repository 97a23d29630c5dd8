import type { TimeWindow } from "@/lib/analytics/timeWindow";
import type { Severity } from "@/lib/ingest/eventSchema";

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

/**
 * SQL of a derived table `(groupId, bucket, severity, count, creditsLost)`: error counts per group and
 * bucket of the window over [from, to), read from the cheapest source that has the window's
 * resolution (raw occurrences for 1h, hourly rollup for 24h/7d, daily rollup for 30d). Severity is
 * the group's, so filters agree across sections.
 */
export function countsSql(scope: Scope, window: TimeWindow, from: Date, to: Date, p: SqlParams): string {
  const stride = `'${window.bucketMs / 1000} seconds'::interval`;
  if (window.source === "raw") {
    const filters = occurrenceFilters(scope, from, to, p);
    return `SELECT o."groupId", date_bin(${stride}, o."occurredAt", TIMESTAMPTZ 'epoch') AS bucket, g.severity,
        count(*)::int AS count, sum(o."creditsLost") AS "creditsLost"
      FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
      WHERE ${filters.join(" AND ")}
      GROUP BY 1, 2, 3`;
  }
  const daily = window.source === "daily";
  const table = daily ? `"ErrorDaily"` : `"ErrorHourly"`;
  const time = daily ? `(r.day::timestamp AT TIME ZONE 'UTC')` : "r.bucket";
  const filters = [
    `r."workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    daily ? `r.day >= ${p.add(isoDay(from))}::date` : `r.bucket >= ${p.add(from)}`,
    daily ? `r.day < ${p.add(isoDay(to))}::date` : `r.bucket < ${p.add(to)}`,
    scope.projectId && `r."projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `r.environment = ${p.add(scope.environment)}`,
    scope.severity && `r.severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  return `SELECT r."groupId", date_bin(${stride}, ${time}, TIMESTAMPTZ 'epoch') AS bucket, r.severity, r.count,
      r."creditsLost"
    FROM ${table} r
    WHERE ${filters.join(" AND ")}`;
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
