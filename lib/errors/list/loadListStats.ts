import { bucketStarts, timeWindow, type TimeWindow } from "@/lib/analytics/timeWindow";
import type { Timeframe } from "@/lib/domain/timeframe";
import { queryRows } from "@/lib/analytics/queryRows";
import { escapeLike } from "@/lib/text/escapeLike";

export interface ListStats {
  /** Events in the period (in the filtered environments, when the search names some; of every release: the rollups have none). */
  events: number;
  /** Events per bucket, oldest first: the row's sparkline. */
  sparkline: number[];
  /** Last event in the filtered environments / releases; the issue's last seen otherwise. */
  lastSeen: string | null;
}

export interface ListStatsOptions {
  period: Timeframe;
  /** Environments named exactly, and by prefix (`environment:prod*`). */
  environments: string[];
  environmentPrefixes?: string[];
  releases: string[];
  releasePrefixes?: string[];
  now?: Date;
}

export interface ListStatsResult {
  period: Timeframe;
  /** First bucket start (UTC) and bucket length, so clients can label the sparkline. */
  bucketStart: string;
  bucketMs: number;
  byGroup: Map<string, ListStats>;
}

/**
 * Per-issue counts and sparklines for one page of the list (≤ 100 issues), from the hourly and daily
 * rollups (the last hour from occurrences, through the (groupId, occurredAt) index), and last seen
 * per environment / release from the per-issue tag rollup: no scan of all occurrences.
 */
export async function loadListStats(groupIds: string[], options: ListStatsOptions): Promise<ListStatsResult> {
  const window = timeWindow(options.period, options.now ?? new Date());
  const buckets = bucketStarts(window).length;
  const byGroup = new Map<string, ListStats>(groupIds.map((id) => [id, { events: 0, sparkline: new Array<number>(buckets).fill(0), lastSeen: null }]));
  const result = { period: options.period, bucketStart: window.start.toISOString(), bucketMs: window.bucketMs, byGroup };
  if (groupIds.length === 0) return result;

  const [counts, lastSeen] = await Promise.all([bucketCounts(groupIds, window, options.environments, options.environmentPrefixes ?? []), filteredLastSeen(groupIds, options)]);
  for (const row of counts) {
    const stats = byGroup.get(row.groupId);
    if (!stats || row.i < 0 || row.i >= buckets) continue;
    stats.sparkline[row.i] += row.n;
    stats.events += row.n;
  }
  for (const row of lastSeen) {
    const stats = byGroup.get(row.groupId);
    if (stats) stats.lastSeen = row.lastSeen.toISOString();
  }
  return result;
}

function bucketCounts(groupIds: string[], window: TimeWindow, environments: string[], prefixes: string[]) {
  const byEnv = environments.length > 0 || prefixes.length > 0;
  const values: unknown[] = [groupIds, window.start, window.end, window.bucketMs / 1000];
  if (byEnv) values.push(environments, prefixes.map((p) => `${escapeLike(p)}%`));
  const envFilter = byEnv ? `AND (environment = ANY($5::text[]) OR environment LIKE ANY($6::text[]))` : "";
  const index = (column: string) => `floor(extract(epoch FROM ${column} - $2::timestamptz) / $4)::int`;
  let sql: string;
  if (window.source === "fiveMinute") {
    sql = `SELECT "groupId", ${index("bucket")} AS i, sum(count)::int AS n FROM "ErrorFiveMinute"
           WHERE "groupId" = ANY($1::uuid[]) AND bucket >= $2 AND bucket < $3 ${envFilter} GROUP BY 1, 2`;
  } else if (window.source === "daily" && !byEnv) {
    sql = `SELECT "groupId", ${index(`(day::timestamp AT TIME ZONE 'UTC')`)} AS i, sum(count)::int AS n FROM "ErrorDaily"
           WHERE "groupId" = ANY($1::uuid[]) AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day < ($3::timestamptz AT TIME ZONE 'UTC')::date GROUP BY 1, 2`;
  } else {
    sql = `SELECT "groupId", ${index("bucket")} AS i, sum(count)::int AS n FROM "ErrorHourly"
           WHERE "groupId" = ANY($1::uuid[]) AND bucket >= $2 AND bucket < $3 ${envFilter} GROUP BY 1, 2`;
  }
  return queryRows<{ groupId: string; i: number; n: number }>(sql, values);
}

/**
 * The latest last-seen among the filtered environments and releases, exact or by prefix (none
 * filtered: nothing to read). Exact values are probed on the tag rollup's primary key; a prefix
 * reads the issue's rows of that key.
 */
function filteredLastSeen(groupIds: string[], options: ListStatsOptions) {
  const exact = [...options.environments.map((v) => ["environment", v]), ...options.releases.map((v) => ["release", v])];
  const prefixes = [
    ...(options.environmentPrefixes ?? []).map((p) => ["environment", `${escapeLike(p)}%`]),
    ...(options.releasePrefixes ?? []).map((p) => ["release", `${escapeLike(p)}%`]),
  ];
  if (exact.length === 0 && prefixes.length === 0) return Promise.resolve([]);
  const pick = (compare: string, from: number) =>
    `SELECT t."groupId", t."lastSeen" FROM "ErrorGroupTag" t JOIN unnest($${from}::text[], $${from + 1}::text[]) AS f(key, value) ON t.key = f.key AND t.value ${compare} f.value
     WHERE t."groupId" = ANY($1::uuid[])`;
  return queryRows<{ groupId: string; lastSeen: Date }>(
    `SELECT "groupId", max("lastSeen") AS "lastSeen" FROM (${pick("=", 2)} UNION ALL ${pick("LIKE", 4)}) s GROUP BY 1`,
    [groupIds, exact.map((p) => p[0]), exact.map((p) => p[1]), prefixes.map((p) => p[0]), prefixes.map((p) => p[1])],
  );
}
