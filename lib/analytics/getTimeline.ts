import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { classifyPattern, type PatternKind } from "@/lib/analytics/classifyPattern";
import { asInstant, countsSql, SOURCE_STEP_MS, SqlParams } from "@/lib/analytics/countsSql";
import { BASELINE_BUCKETS, detectSpikes } from "@/lib/analytics/detectSpikes";
import { activeInWindow, loadGroupBriefs, perGroupCountsSql, type GroupBrief, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
import { loadWindowFacts, type WindowFacts } from "@/lib/analytics/loadWindowFacts";
import { correlationOf } from "@/lib/analytics/patternCorrelation";
import { queryRows } from "@/lib/analytics/queryRows";
import { loadTimelineBuckets, type BucketTotals } from "@/lib/analytics/timelineBuckets";
import { bucketStarts } from "@/lib/analytics/timeWindow";
import { compareText, topN } from "@/lib/analytics/stats";
import { issueTitle } from "@/lib/domain/issueTitle";

const MAX_SPIKES = 10;
const MAX_PATTERNS = 20;

/** Where the spike baseline's buckets start: BASELINE_BUCKETS before the window. */
function historyStartOf(ctx: AnalyticsContext): Date {
  return new Date(ctx.window.start.getTime() - BASELINE_BUCKETS * ctx.window.bucketMs);
}

/** The window's buckets and the baseline's before them: they need no per-group counts, so the view reads them beside those. */
export function loadTimelineTotals(ctx: AnalyticsContext): Promise<Map<number, BucketTotals>> {
  return loadTimelineBuckets(ctx, historyStartOf(ctx));
}

/**
 * Buckets over the window, spikes against the trailing baseline, and per-group patterns.
 * `totals`: the buckets, when already read (see loadTimelineTotals); read here otherwise.
 */
export async function getTimeline(ctx: AnalyticsContext, groups: WindowGroup[], totals?: Map<number, BucketTotals>) {
  const { window } = ctx;
  const historyStart = historyStartOf(ctx);
  const top = topN(activeInWindow(groups), MAX_PATTERNS, (a, b) => b.cur - a.cur || compareText(a.id, b.id));
  const ids = top.map((g) => g.id);
  const [byTime, briefs, spans, facts] = await Promise.all([totals ?? loadTimelineTotals(ctx), loadGroupBriefs(ids), activeSpans(ctx, ids), loadWindowFacts(ctx, ids)]);
  const errorsByTime = bucketStarts(window).map((at) => {
    const row = byTime.get(at.getTime());
    return {
      timestamp: at.toISOString(),
      count: row?.count ?? 0,
      criticalCount: row?.critical ?? 0,
      uniqueErrors: row?.unique ?? 0,
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
        primaryCause: cause ? issueTitle(cause, 300) : "unknown",
        primaryErrorId: cause?.id ?? null,
        resolved: cause?.status === "resolved",
      };
    }),
  );

  const patterns = describePatterns(top, briefs, spans, facts, spikes);
  return { errorsByTime, spikes, patterns, bucketSeconds: window.bucketMs / 1000 };
}

export type Timeline = Awaited<ReturnType<typeof getTimeline>>;

/**
 * The group that grew most inside the spike over its own level before it: its events in the spike less
 * its mean per bucket over the BASELINE_BUCKETS buckets before the spike times the spike's buckets
 * (ties: more events in the spike, then id). A busy group that kept its usual pace is never the cause.
 */
async function primaryCause(ctx: AnalyticsContext, from: Date, to: Date) {
  const p = new SqlParams();
  const bucketMs = ctx.window.bucketMs;
  const before = new Date(from.getTime() - BASELINE_BUCKETS * bucketMs);
  const counts = perGroupCountsSql(ctx, [{ from: before, to: from, cur: false }, { from, to, cur: true }], p);
  const perBucket = p.add((to.getTime() - from.getTime()) / bucketMs / BASELINE_BUCKETS);
  const [row] = await queryRows<{ id: string; type: string; message: string; status: string }>(
    `SELECT g.id::text, g.type, g.message, g.status::text FROM (
       SELECT "groupId" FROM (${counts}) c WHERE cur > 0 ORDER BY cur - prev * ${perBucket}::float8 DESC, cur DESC, "groupId" LIMIT 1
     ) top JOIN "ErrorGroup" g ON g.id = top."groupId"`,
    p.values,
  );
  return row ?? null;
}

/** Per group: start of the first and end of the last rollup bucket with events in the window. */
async function activeSpans(ctx: AnalyticsContext, ids: string[]): Promise<Map<string, { first: Date; last: Date }>> {
  if (ids.length === 0) return new Map();
  const source = ctx.window.source;
  const p = new SqlParams();
  const ev = countsSql(ctx.scope, source, ctx.window.start, ctx.window.end, p, ids);
  const step = p.add(`${SOURCE_STEP_MS[source] / 1000} seconds`);
  const rows = await queryRows<{ id: string; first: Date; last: Date }>(
    `SELECT "groupId"::text AS id, ${asInstant(source, "min(at)")} AS first, ${asInstant(source, "max(at)")} + ${step}::interval AS last
     FROM (${ev}) ev GROUP BY 1`,
    p.values,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function describePatterns(
  top: WindowGroup[],
  briefs: Map<string, GroupBrief>,
  spans: Map<string, { first: Date; last: Date }>,
  facts: Map<string, WindowFacts>,
  spikes: { startTime: string; endTime: string; primaryErrorId: string | null }[],
) {
  return top.map((g) => {
    // Within the window: the first/last bucket with events, tightened by the group's own first/last seen.
    const span = spans.get(g.id);
    const firstAt = new Date(Math.max(span?.first.getTime() ?? g.firstSeenMs, g.firstSeenMs));
    const lastAt = new Date(Math.min(span?.last.getTime() ?? g.lastSeenMs, g.lastSeenMs));
    const kind: PatternKind = classifyPattern({ count: g.cur, firstAt, lastAt });
    const brief = briefs.get(g.id) ?? { message: "" };
    const seen = facts.get(g.id) ?? { singleUser: false, release: null, environment: null };
    return {
      pattern: `${kind}: ${issueTitle({ type: g.type, message: brief.message })}`.slice(0, 300),
      kind,
      errorId: g.id,
      frequency: g.cur,
      lastOccurrence: new Date(g.lastSeenMs).toISOString(),
      // The spike it caused, as instants: the dashboard names them in the viewer's zone (its day spans as UTC days).
      causedSpike: causedSpikeOf(g.id, spikes),
      correlation: correlationOf({ ...seen, agentsAllTime: g.agentsAffected }),
    };
  });
}

function causedSpikeOf(groupId: string, spikes: { startTime: string; endTime: string; primaryErrorId: string | null }[]): { startTime: string; endTime: string } | null {
  const spike = spikes.find((s) => s.primaryErrorId === groupId);
  return spike ? { startTime: spike.startTime, endTime: spike.endTime } : null;
}
