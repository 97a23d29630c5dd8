import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { asInstant, countsSql, isoDay, SqlParams } from "@/lib/analytics/countsSql";
import { queryRows } from "@/lib/analytics/queryRows";
import { weekOf } from "@/lib/analytics/rangeCover";

/** One timeline bucket: events, critical events, distinct errors. */
export interface BucketTotals {
  count: number;
  critical: number;
  unique: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Per-bucket totals over [from, window end), keyed by bucket start (epoch ms), from rollups whose
 * size does not grow with the number of events:
 * - 1h: the 5-minute per-group rows (at most groups × buckets);
 * - 24h, 7d: events from the per-project hourly totals (ProjectBucket); distinct errors per hour or
 *   per 6 hours from the per-group daily rows' hour bits (one row per group and day);
 * - 30d: the per-project daily totals (ProjectDaily); filtered by environment, ProjectBucket's days
 *   and the per-group weekly rows' day bits (one row per group and week).
 */
export async function loadTimelineBuckets(ctx: AnalyticsContext, from: Date): Promise<Map<number, BucketTotals>> {
  const { window, scope } = ctx;
  if (window.source === "fiveMinute") return fromGroupRows(ctx, from);
  if (window.source === "daily" && !scope.environment) return fromProjectDaily(ctx, from);
  const spanMinutes = window.source === "daily" ? 1440 : 60;
  const [counts, uniques] = await Promise.all([
    projectBucketCounts(ctx, from, spanMinutes),
    window.source === "daily" ? uniquesFromWeekBits(ctx, from) : uniquesFromHourBits(ctx, from),
  ]);
  const out = new Map<number, BucketTotals>();
  for (const [at, c] of counts) out.set(at, { ...c, unique: uniques.get(at) ?? 0 });
  return out;
}

/** 1h: the 5-minute rows per group, counted per bucket (distinct groups across environments). */
async function fromGroupRows(ctx: AnalyticsContext, from: Date): Promise<Map<number, BucketTotals>> {
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, "fiveMinute", from, ctx.window.end, p);
  const rows = await queryRows<{ bucket: Date; count: number; critical: number; uniq: number }>(
    `SELECT bucket, sum(n)::int AS count, sum(c)::int AS critical, count(*)::int AS uniq
     FROM (SELECT at AS bucket, "groupId", sum(count) AS n, coalesce(sum(count) FILTER (WHERE severity = 'critical'), 0) AS c
           FROM (${ev}) ev GROUP BY 1, 2) per
     GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((r) => [r.bucket.getTime(), { count: r.count, critical: r.critical, unique: r.uniq }]));
}

/** 30d without an environment: per day from the per-project daily totals (a few rows per day). */
async function fromProjectDaily(ctx: AnalyticsContext, from: Date): Promise<Map<number, BucketTotals>> {
  const { scope, window } = ctx;
  const p = new SqlParams();
  const filters = [
    `"workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `day >= ${p.add(isoDay(from))}::date`,
    `day < ${p.add(isoDay(window.end))}::date`,
    scope.projectId && `"projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  const rows = await queryRows<{ bucket: Date; count: number; critical: number; uniq: number }>(
    `SELECT ${asInstant("daily", "day")} AS bucket, sum(count)::int AS count, coalesce(sum(count) FILTER (WHERE severity = 'critical'), 0)::int AS critical,
       sum(errors)::int AS uniq
     FROM "ProjectDaily" WHERE ${filters.join(" AND ")} GROUP BY day`,
    p.values,
  );
  return new Map(rows.map((r) => [r.bucket.getTime(), { count: r.count, critical: r.critical, unique: r.uniq }]));
}

/** Events and critical events per window bucket from the per-project hourly or daily totals. */
async function projectBucketCounts(ctx: AnalyticsContext, from: Date, spanMinutes: number): Promise<Map<number, { count: number; critical: number }>> {
  const { scope, window } = ctx;
  const p = new SqlParams();
  const filters = [
    `"workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `span = ${spanMinutes}`,
    `bucket >= ${p.add(from)}::timestamptz`,
    `bucket < ${p.add(window.end)}::timestamptz`,
    scope.projectId && `"projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.environment && `environment = ${p.add(scope.environment)}`,
    scope.severity && `severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  const binned = window.bucketMs === spanMinutes * 60_000 ? "bucket" : `date_bin(${p.add(`${window.bucketMs / 1000} seconds`)}::interval, bucket, TIMESTAMPTZ 'epoch')`;
  const rows = await queryRows<{ bucket: Date; count: number; critical: number }>(
    `SELECT ${binned} AS bucket, sum(count)::int AS count, coalesce(sum(count) FILTER (WHERE severity = 'critical'), 0)::int AS critical
     FROM "ProjectBucket" WHERE ${filters.join(" AND ")} GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((r) => [r.bucket.getTime(), { count: r.count, critical: r.critical }]));
}

/**
 * Distinct errors per hour (24h) or per 6 hours (7d): per day, the groups whose hour bits meet each
 * slot of the day. ErrorDaily has one row per group and day across environments; ErrorEnvDaily
 * one per environment, filtered to the scope's.
 */
async function uniquesFromHourBits(ctx: AnalyticsContext, from: Date): Promise<Map<number, number>> {
  const { scope, window } = ctx;
  const slotHours = window.bucketMs / HOUR;
  const p = new SqlParams();
  const filters = [
    `"workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    scope.environment && `environment = ${p.add(scope.environment)}`,
    `day >= ${p.add(isoDay(from))}::date`,
    `day <= ${p.add(isoDay(new Date(window.end.getTime() - 1)))}::date`,
    scope.projectId && `"projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  const slots = Array.from({ length: 24 / slotHours }, (_, k) => `count(*) FILTER (WHERE hours & ${slotMask(k, slotHours)} <> 0)::int`);
  const rows = await queryRows<{ start: Date; slots: number[] }>(
    `SELECT ${asInstant("daily", "day")} AS start, ARRAY[${slots.join(", ")}] AS slots
     FROM ${scope.environment ? `"ErrorEnvDaily"` : `"ErrorDaily"`} WHERE ${filters.join(" AND ")} GROUP BY day`,
    p.values,
  );
  return spreadSlots(rows, slotHours * HOUR, from, window.end);
}

/** 30d filtered by environment: distinct errors per day from the per-group weekly rows' day bits. */
async function uniquesFromWeekBits(ctx: AnalyticsContext, from: Date): Promise<Map<number, number>> {
  const { scope, window } = ctx;
  const p = new SqlParams();
  const filters = [
    `"workspaceId" = ${p.add(scope.workspaceId)}::uuid`,
    `environment = ${p.add(scope.environment)}`,
    `week >= ${p.add(weekOf(from))}::date`,
    `week <= ${p.add(weekOf(new Date(window.end.getTime() - 1)))}::date`,
    scope.projectId && `"projectId" = ${p.add(scope.projectId)}::uuid`,
    scope.severity && `severity = ${p.add(scope.severity)}::"Severity"`,
  ].filter(Boolean);
  const slots = Array.from({ length: 7 }, (_, d) => `count(*) FILTER (WHERE days & ${1 << d} <> 0)::int`);
  const rows = await queryRows<{ start: Date; slots: number[] }>(
    `SELECT ${asInstant("daily", "week")} AS start, ARRAY[${slots.join(", ")}] AS slots
     FROM "ErrorEnvWeekly" WHERE ${filters.join(" AND ")} GROUP BY week`,
    p.values,
  );
  return spreadSlots(rows, DAY, from, window.end);
}

/** Bits k·size … (k+1)·size − 1 of an hour mask. */
export function slotMask(k: number, size: number): number {
  return ((1 << size) - 1) << (k * size);
}

/** Per-slot counts of each row (slot k starts k × slotMs after the row's start), kept inside [from, to). */
export function spreadSlots(rows: { start: Date; slots: number[] }[], slotMs: number, from: Date, to: Date): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of rows) {
    row.slots.forEach((n, k) => {
      const at = row.start.getTime() + k * slotMs;
      if (n > 0 && at >= from.getTime() && at < to.getTime()) out.set(at, n);
    });
  }
  return out;
}
