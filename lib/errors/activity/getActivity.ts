import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { queryRows } from "@/lib/analytics/queryRows";
import { bucketStarts, timeWindow, type TimeWindow } from "@/lib/analytics/timeWindow";
import { findVisibleError } from "@/lib/errors/findVisibleError";

export const ActivityQuerySchema = z.object({ environment: z.string().trim().min(1).max(64).optional() });
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

/**
 * An issue's event histograms: the last 24 h by UTC hour (hourly rollup) and the last 30 days by UTC
 * day (daily rollup; the hourly one when filtered by environment). Bucket times are UTC instants.
 */
export async function getActivity(auth: AuthContext, errorId: string, query: ActivityQuery, now = new Date()) {
  const group = await findVisibleError(auth, errorId);
  const [hourly, daily] = await Promise.all([histogram(group.id, timeWindow("24h", now), query.environment), histogram(group.id, timeWindow("30d", now), query.environment)]);
  return { errorId: group.id, hourly, daily };
}

async function histogram(groupId: string, window: TimeWindow, environment: string | undefined) {
  const starts = bucketStarts(window);
  const counts = new Array<number>(starts.length).fill(0);
  const useDaily = window.bucketMs >= 86_400_000 && !environment;
  const rows = await queryRows<{ i: number; n: number }>(
    useDaily
      ? `SELECT floor(extract(epoch FROM (day::timestamp AT TIME ZONE 'UTC') - $2::timestamptz) / $4)::int AS i, sum(count)::int AS n
         FROM "ErrorDaily" WHERE "groupId" = $1 AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day < ($3::timestamptz AT TIME ZONE 'UTC')::date GROUP BY 1`
      : `SELECT floor(extract(epoch FROM bucket - $2::timestamptz) / $4)::int AS i, sum(count)::int AS n
         FROM "ErrorHourly" WHERE "groupId" = $1 AND bucket >= $2 AND bucket < $3 AND ($5::text IS NULL OR environment = $5) GROUP BY 1`,
    useDaily ? [groupId, window.start, window.end, window.bucketMs / 1000] : [groupId, window.start, window.end, window.bucketMs / 1000, environment ?? null],
  );
  for (const row of rows) if (row.i >= 0 && row.i < counts.length) counts[row.i] += row.n;
  return { bucketMs: window.bucketMs, buckets: starts.map((start, i) => ({ start: start.toISOString(), count: counts[i] })) };
}

export type Activity = Awaited<ReturnType<typeof getActivity>>;
