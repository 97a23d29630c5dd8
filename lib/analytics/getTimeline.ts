import type { AnalyticsContext } from "@/lib/analytics/AnalyticsContext";
import { classifyPattern, type PatternKind } from "@/lib/analytics/classifyPattern";
import { asInstant, countsSql, SOURCE_STEP_MS, SqlParams } from "@/lib/analytics/countsSql";
import { BASELINE_BUCKETS, detectSpikes } from "@/lib/analytics/detectSpikes";
import { activeInWindow, loadGroupBriefs, perGroupCountsSql, type GroupBrief, type WindowGroup } from "@/lib/analytics/loadWindowGroups";
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
  const [byTime, briefs, spans] = await Promise.all([
    totals ?? loadTimelineTotals(ctx),
    loadGroupBriefs(top.map((g) => g.id)),
    activeSpans(ctx, top.map((g) => g.id)),
  ]);
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
      // A spike as long as the window (e.g. a workspace's first days) needs no query: the groups have its counts.
      const wholeWindow = startTime.getTime() === window.start.getTime() && endTime.getTime() === window.end.getTime();
      const cause = wholeWindow && top[0] ? { ...top[0], message: briefs.get(top[0].id)?.message ?? "" } : await primaryCause(ctx, startTime, endTime);
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

  const patterns = describePatterns(top, briefs, spans, spikes);
  return { errorsByTime, spikes, patterns, bucketSeconds: window.bucketMs / 1000 };
}

export type Timeline = Awaited<ReturnType<typeof getTimeline>>;

/** The group with the most events inside the spike. */
async function primaryCause(ctx: AnalyticsContext, from: Date, to: Date) {
  const p = new SqlParams();
  const counts = perGroupCountsSql(ctx, [{ from, to, cur: true }], p);
  const [row] = await queryRows<{ id: string; type: string; message: string; status: string }>(
    `SELECT g.id::text, g.type, g.message, g.status::text FROM (
       SELECT "groupId", cur FROM (${counts}) c ORDER BY 2 DESC, 1 LIMIT 1
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
  spikes: { startTime: string; endTime: string; primaryErrorId: string | null }[],
) {
  return top.map((g) => {
    // Within the window: the first/last bucket with events, tightened by the group's own first/last seen.
    const span = spans.get(g.id);
    const firstAt = new Date(Math.max(span?.first.getTime() ?? g.firstSeenMs, g.firstSeenMs));
    const lastAt = new Date(Math.min(span?.last.getTime() ?? g.lastSeenMs, g.lastSeenMs));
    const kind: PatternKind = classifyPattern({ count: g.cur, firstAt, lastAt });
    const brief = briefs.get(g.id) ?? { message: "", release: null, environment: null };
    return {
      pattern: `${kind}: ${issueTitle({ type: g.type, message: brief.message })}`.slice(0, 300),
      kind,
      errorId: g.id,
      frequency: g.cur,
      lastOccurrence: new Date(g.lastSeenMs).toISOString(),
      // The spike it caused, as instants: the dashboard names them in the viewer's zone (its day spans as UTC days).
      causedSpike: causedSpikeOf(g.id, spikes),
      correlation: correlationOf({ ...g, ...brief }),
    };
  });
}

function causedSpikeOf(groupId: string, spikes: { startTime: string; endTime: string; primaryErrorId: string | null }[]): { startTime: string; endTime: string } | null {
  const spike = spikes.find((s) => s.primaryErrorId === groupId);
  return spike ? { startTime: spike.startTime, endTime: spike.endTime } : null;
}

/** What else the group lines up with, as text ("a single user; release web@2.1.0"); "" for nothing. */
function correlationOf(g: { agentsAffected: number; usersAffected: number; release: string | null; environment: string | null }): string {
  const parts: string[] = [];
  if (g.agentsAffected === 1) parts.push("a single agent");
  if (g.usersAffected === 1) parts.push("a single user");
  if (g.release) parts.push(`release ${g.release}`);
  if (g.environment) parts.push(`environment ${g.environment}`);
  return parts.join("; ");
}
