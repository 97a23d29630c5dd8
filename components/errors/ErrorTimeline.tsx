"use client";

import { useMemo } from "react";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { bucketRange, dateTime, granularityOf } from "@/lib/client/zonedTime";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { TimelineChart, type ChartPoint } from "@/components/errors/TimelineChart";
import type { Timeframe } from "@/lib/domain/timeframe";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { countOf, formatCount } from "@/lib/client/format";

type Timeline = ErrorTracking["timeline"];
type Spike = Timeline["spikes"][number];

interface ErrorTimelineProps {
  timeline: Timeline;
  timeframe: Timeframe;
  activeWindow: { from: string; to: string } | null;
  onSpikeClick: (spike: Spike) => void;
}

export function ErrorTimeline({ timeline, timeframe, activeWindow, onSpikeClick }: ErrorTimelineProps) {
  const zone = useTimeZone();
  const { points, spikes } = useMemo(() => toChart(timeline), [timeline]);
  const total = timeline.errorsByTime.reduce((sum, b) => sum + b.count, 0);
  // A span of the chart's buckets: UTC days for day buckets, hours on the viewer's clock otherwise.
  const span = (s: { startTime: string; endTime: string }) => bucketRange(s.startTime, s.endTime, granularityOf(timeline.bucketSeconds * 1000), zone);

  return (
    <Card
      title={
        <>
          Error timeline <span className="text-xs font-normal text-gray-500 dark:text-gray-400">({timeframe === "30d" ? "UTC days" : zone})</span>
        </>
      }
      titleId="timeline-title"
      actions={
        <div className="flex items-center gap-3 text-xs text-gray-500 dark:text-gray-400">
          <Legend color="bg-blue-400" label="Errors" />
          <Legend color="bg-red-600" label="Critical" />
          <Legend color="bg-orange-500" label="Spike" />
        </div>
      }
    >
      {total === 0 ? (
        <EmptyState title="No errors in this timeframe" className="py-8">
          Widen the timeframe or clear the severity filter.
        </EmptyState>
      ) : (
        <>
          <p className="sr-only">
            {countOf(total, "error")} in {countOf(timeline.errorsByTime.length, "interval")}, {countOf(spikes.length, "spike")}.
          </p>
          <TimelineChart points={points} spikes={spikes} timeframe={timeframe} onSpikeClick={onSpikeClick} />
        </>
      )}
      {timeline.spikes.length > 0 && (
        <div className="mt-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Spikes — select one to filter the list</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {timeline.spikes.map((spike) => {
              const isActive = activeWindow?.from === spike.startTime && activeWindow?.to === spike.endTime;
              return (
                <li key={spike.startTime}>
                  <button
                    type="button"
                    data-testid="spike"
                    aria-pressed={isActive}
                    onClick={() => onSpikeClick(spike)}
                    className={`rounded-md px-2.5 py-1 text-left text-xs ring-1 focus-visible:outline-2 focus-visible:outline-blue-500 ${
                      isActive
                        ? "bg-orange-100 text-orange-900 ring-orange-400 dark:bg-orange-950 dark:text-orange-200"
                        : "bg-white text-gray-700 ring-gray-300 hover:bg-orange-50 dark:bg-gray-800 dark:text-gray-200 dark:ring-gray-700"
                    }`}
                  >
                    <span className="font-medium">{span(spike)}</span> · {countOf(spike.totalErrors, "error")} (peak {formatCount(spike.peakErrors)})
                    {spike.primaryCause && <span className="text-gray-500 dark:text-gray-400"> · {spike.primaryCause}</span>}
                    {spike.resolved && <span className="text-green-700 dark:text-green-400"> · resolved</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {timeline.patterns.length > 0 && (
        <div className="mt-4">
          <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Patterns</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {timeline.patterns.slice(0, 5).map((p) => {
              const correlation = [p.causedSpike && `caused the spike of ${span(p.causedSpike)}`, p.correlation].filter(Boolean).join("; ") || "no clear correlation";
              return (
                <li key={p.errorId} className="flex flex-wrap gap-x-2 text-gray-700 dark:text-gray-300" data-testid="pattern">
                  {/* An issue's type may be a long word without a space: it wraps inside the card. */}
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{p.pattern}</span>
                  <span className="min-w-0 text-gray-500 [overflow-wrap:anywhere] dark:text-gray-400">
                    ×{formatCount(p.frequency)} · {correlation} · last {dateTime(p.lastOccurrence, zone)}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <span className="flex items-center gap-1">
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-sm ${color}`} />
      {label}
    </span>
  );
}

/** Chart rows plus, per spike, the first and last bucket it covers (for the shaded area). */
function toChart(timeline: Timeline): { points: ChartPoint[]; spikes: { spike: Spike; x1: string; x2: string }[] } {
  const ranges = timeline.spikes.map((s) => [Date.parse(s.startTime), Date.parse(s.endTime)] as const);
  const points = timeline.errorsByTime.map((b) => {
    const t = Date.parse(b.timestamp);
    const hit = ranges.findIndex(([start, end]) => t >= start && t < end);
    return { timestamp: b.timestamp, other: Math.max(0, b.count - b.criticalCount), critical: b.criticalCount, unique: b.uniqueErrors, spikeIndex: hit === -1 ? null : hit };
  });
  const spikes = timeline.spikes.flatMap((spike, i) => {
    const covered = points.filter((p) => p.spikeIndex === i);
    return covered.length ? [{ spike, x1: covered[0].timestamp, x2: covered[covered.length - 1].timestamp }] : [];
  });
  // Keep indexes aligned with `spikes` for bar clicks: drop indexes of spikes outside the chart.
  const kept = new Map(spikes.map((s, i) => [timeline.spikes.indexOf(s.spike), i]));
  return { points: points.map((p) => ({ ...p, spikeIndex: p.spikeIndex === null ? null : kept.get(p.spikeIndex) ?? null })), spikes };
}
