import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { classifyPattern, type PatternKind } from "@/lib/analytics/classifyPattern";
import { countsSql, SqlParams } from "@/lib/analytics/countsSql";
import { BASELINE_BUCKETS, detectSpikes } from "@/lib/analytics/detectSpikes";
import { activeInWindow, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { queryRows } from "@/lib/analytics/queryRows";
import { bucketStarts } from "@/lib/analytics/timeWindow";

const MAX_SPIKES = 10;
const MAX_PATTERNS = 20;

/** Buckets over the window, spikes against the trailing baseline, and per-group patterns. */
export async function getTimeline(ctx: AnalyticsContext, groups: WindowGroup[]) {
  const { window } = ctx;
  const historyStart = new Date(window.start.getTime() - BASELINE_BUCKETS * window.bucketMs);
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, window, historyStart, window.end, p);
  const [bucketRows] = await Promise.all([
    queryRows<{ bucket: Date; count: string; critical: string; uniq: string }>(
      `WITH ev AS (${ev})
       SELECT bucket, sum(count) AS count, coalesce(sum(count) FILTER (WHERE severity = 'critical'), 0) AS critical,
         count(DISTINCT "groupId") AS uniq
       FROM ev GROUP BY bucket`,
      p.values,
    ),
  ]);

  const byTime = new Map(bucketRows.map((r) => [r.bucket.getTime(), r]));
  const errorsByTime = bucketStarts(window).map((at) => {
    const row = byTime.get(at.getTime());
    return {
      timestamp: at.toISOString(),
      count: Number(row?.count ?? 0),
      criticalCount: Number(row?.critical ?? 0),
      uniqueErrors: Number(row?.uniq ?? 0),
    };
  });
  const history = Array.from({ length: BASELINE_BUCKETS }, (_, i) => Number(byTime.get(historyStart.getTime() + i * window.bucketMs)?.count ?? 0));
  const spikeWindows = detectSpikes(errorsByTime, history)
    .sort((a, b) => b.peak - a.peak)
    .slice(0, MAX_SPIKES)
    .sort((a, b) => a.startIndex - b.startIndex);

  const spikes = await Promise.all(
    spikeWindows.map(async (s) => {
      const startTime = new Date(errorsByTime[s.startIndex].timestamp);
      const endTime = new Date(startTime.getTime() + (s.endIndex - s.startIndex + 1) * window.bucketMs);
      const cause = await primaryCause(ctx, startTime, endTime);
      return {
        startTime: startTime.toISOString(),
        endTime: endTime.toISOString(),
        peakErrors: s.peak,
        totalErrors: s.total,
        baseline: Math.round(s.baseline * 100) / 100,
        primaryCause: cause ? `${cause.type}: ${cause.message}`.slice(0, 300) : "unknown",
        primaryErrorId: cause?.id ?? null,
        resolved: cause?.status === "resolved",
      };
    }),
  );

  const patterns = describePatterns(groups, spikes, window.bucketMs);
  return { errorsByTime, spikes, patterns, bucketSeconds: window.bucketMs / 1000 };
}

export type Timeline = Awaited<ReturnType<typeof getTimeline>>;

/** The group with the most events inside the spike. */
async function primaryCause(ctx: AnalyticsContext, from: Date, to: Date) {
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, ctx.window, from, to, p);
  const [row] = await queryRows<{ id: string; type: string; message: string; status: string }>(
    `WITH ev AS (${ev})
     SELECT g.id::text, g.type, g.message, g.status::text FROM (
       SELECT "groupId", sum(count) AS n FROM ev GROUP BY 1 ORDER BY 2 DESC LIMIT 1
     ) top JOIN "ErrorGroup" g ON g.id = top."groupId"`,
    p.values,
  );
  return row ?? null;
}

function describePatterns(groups: WindowGroup[], spikes: { startTime: string; primaryErrorId: string | null }[], bucketMs: number) {
  return activeInWindow(groups)
    .sort((a, b) => b.cur - a.cur || a.id.localeCompare(b.id))
    .slice(0, MAX_PATTERNS)
    .map((g) => {
      // Within the window: the first/last bucket with events, tightened by the group's own first/last seen.
      const firstAt = new Date(Math.max(g.firstBucket!.getTime(), g.firstSeen.getTime()));
      const lastAt = new Date(Math.min(g.lastBucket!.getTime() + bucketMs, g.lastSeen.getTime()));
      const kind: PatternKind = classifyPattern({ count: g.cur, firstAt, lastAt });
      return {
        pattern: `${kind}: ${g.type}: ${g.message}`.slice(0, 300),
        kind,
        errorId: g.id,
        frequency: g.cur,
        lastOccurrence: g.lastSeen.toISOString(),
        correlation: correlationOf(g, spikes),
      };
    });
}

function correlationOf(
  g: { id: string; agentsAffected: number; usersAffected: number; release: string | null; environment: string | null },
  spikes: { startTime: string; primaryErrorId: string | null }[],
): string {
  const parts: string[] = [];
  const spike = spikes.find((s) => s.primaryErrorId === g.id);
  if (spike) parts.push(`caused the spike at ${spike.startTime}`);
  if (g.agentsAffected === 1) parts.push("a single agent");
  if (g.usersAffected === 1) parts.push("a single user");
  if (g.release) parts.push(`release ${g.release}`);
  if (g.environment) parts.push(`environment ${g.environment}`);
  return parts.length ? parts.join("; ") : "no clear correlation";
}
