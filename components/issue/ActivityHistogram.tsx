"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { Section } from "@/components/ui/Section";
import { evenTicks } from "@/lib/client/chartTicks";
import { countOf } from "@/lib/client/format";
import { histogramSummary } from "@/lib/client/histogramSummary";
import { useIssueActivityQuery } from "@/lib/client/hooks/useIssueActivityQuery";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { bucketLabel, bucketTitle, granularityOf, type BucketGranularity } from "@/lib/client/zonedTime";

function BucketTooltip({ active, payload, granularity, zone }: TooltipContentProps<ValueType, NameType> & { granularity: BucketGranularity; zone: string }) {
  const point = payload?.[0]?.payload as { start: string; count: number } | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded bg-white px-2 py-1 text-xs shadow ring-1 ring-gray-200 dark:bg-gray-800 dark:ring-gray-700">
      <p className="font-medium">{bucketTitle(point.start, granularity, zone)}</p>
      <p>{countOf(point.count, "event")}</p>
    </div>
  );
}

/** What the y axis and the margins take of the chart's width (the y axis's 60 px, less the -28 px left margin, plus 4 px right). */
const PLOT_INSET = 36;

/** Events per hour over 24 h (on the viewer's clock) or per UTC day over 30 days (labelled with the UTC date). */
export function ActivityHistogram({ errorId }: { errorId: string }) {
  const [period, setPeriod] = useState<"24h" | "30d">("24h");
  const zone = useTimeZone();
  const query = useIssueActivityQuery(errorId);
  const histogram = period === "24h" ? query.data?.hourly : query.data?.daily;
  const granularity = granularityOf(histogram?.bucketMs ?? 3_600_000);
  const total = histogram?.buckets.reduce((s, b) => s + b.count, 0) ?? 0;
  const periodText = period === "24h" ? "the last 24 hours" : "the last 30 days";
  // Ticks a fixed number of buckets apart, as many as the width holds.
  const [width, setWidth] = useState(320);
  const ticks = useMemo(() => evenTicks(histogram?.buckets.map((b) => b.start) ?? [], granularity, width - PLOT_INSET, 10), [histogram, granularity, width]);
  return (
    <Section
      id="activity-chart-title"
      title="Events"
      actions={
        <div role="radiogroup" aria-label="Period" className="flex rounded-md text-xs ring-1 ring-gray-300 dark:ring-gray-700">
          {(["24h", "30d"] as const).map((p) => (
            <button key={p} type="button" role="radio" aria-checked={period === p} onClick={() => setPeriod(p)} className={`px-2 py-0.5 ${period === p ? "bg-gray-900 text-white dark:bg-gray-100 dark:text-gray-900" : "text-gray-600 dark:text-gray-300"}`}>
              {p}
            </button>
          ))}
        </div>
      }
    >
      <p className="mb-1 text-xs text-gray-500 dark:text-gray-400" data-testid="histogram-total">
        {countOf(total, "event")} in {periodText} · {granularity === "day" ? "UTC days" : zone === "UTC" ? "UTC hours" : `hours in ${zone}`}
      </p>
      {/* The bars in words (the chart itself is hidden from screen readers). */}
      {histogram && (
        <p className="sr-only" data-testid="histogram-summary">
          {histogramSummary(histogram.buckets, granularity, zone, periodText)}
        </p>
      )}
      <div className="h-28 text-gray-500 dark:text-gray-400" data-testid={`histogram-${period}`} aria-hidden="true">
        {histogram && (
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 112 }} onResize={(w) => setWidth(Math.round(w))}>
            <BarChart data={histogram.buckets} margin={{ top: 4, right: 4, bottom: 0, left: -28 }} accessibilityLayer={false}>
              <XAxis dataKey="start" tickFormatter={(t: string) => bucketLabel(t, granularity, zone)} tick={{ fill: "currentColor", fontSize: 10 }} stroke="currentColor" strokeOpacity={0.3} ticks={ticks} interval={0} />
              <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 10 }} stroke="currentColor" strokeOpacity={0.3} />
              <Tooltip content={(props) => <BucketTooltip {...props} granularity={granularity} zone={zone} />} cursor={{ fill: "currentColor", fillOpacity: 0.08 }} />
              <Bar dataKey="count" fill="#3b82f6" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </Section>
  );
}
