"use client";

import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { evenTicks } from "@/lib/client/chartTicks";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { bucketLabel, bucketTitle, type BucketGranularity } from "@/lib/client/zonedTime";
import type { Timeframe } from "@/lib/domain/timeframe";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";

type Spike = ErrorTracking["timeline"]["spikes"][number];
export interface ChartPoint {
  timestamp: string;
  other: number;
  critical: number;
  unique: number;
  spikeIndex: number | null;
}

/** What the y axis and the margins take of the chart's width (the y axis's 60 px, less the -16 px left margin, plus 8 px right). */
const PLOT_INSET = 52;

// Day buckets are UTC days, labelled with their UTC date in every zone; shorter buckets on the viewer's clock.
const TICK_GRANULARITY: Record<Timeframe, BucketGranularity> = { "1h": "minute", "24h": "hour", "7d": "sixHours", "30d": "day" };

function ChartTooltip({ active, payload, granularity, zone }: TooltipContentProps<ValueType, NameType> & { granularity: BucketGranularity; zone: string }) {
  const point = payload?.[0]?.payload as ChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-gray-200 dark:bg-gray-800 dark:ring-gray-700">
      <p className="font-medium text-gray-900 dark:text-gray-100">{bucketTitle(point.timestamp, granularity, zone)}</p>
      <p className="text-gray-600 dark:text-gray-300">{point.other + point.critical} errors</p>
      <p className="text-red-600 dark:text-red-400">{point.critical} critical</p>
      <p className="text-gray-500 dark:text-gray-400">{point.unique} unique</p>
      {point.spikeIndex !== null && <p className="mt-1 font-medium text-red-600 dark:text-red-400">Spike — click to filter</p>}
    </div>
  );
}

/** Bars inside a spike get an orange outline and are clickable. */
const spikeCell = (p: ChartPoint) =>
  p.spikeIndex === null ? {} : { className: "spike-bar cursor-pointer", stroke: "#f97316", strokeWidth: 2 };

interface TimelineChartProps {
  points: ChartPoint[];
  spikes: { spike: Spike; x1: string; x2: string }[];
  timeframe: Timeframe;
  onSpikeClick: (spike: Spike) => void;
}

/** Stacked bars (critical in red), spike windows shaded; clicking a spike bar or its shading selects it. */
export function TimelineChart({ points, spikes, timeframe, onSpikeClick }: TimelineChartProps) {
  const zone = useTimeZone();
  const granularity = TICK_GRANULARITY[timeframe];
  // Ticks a fixed number of buckets apart (equal gaps, equal durations), as many as the width holds.
  const [width, setWidth] = useState(800);
  const ticks = useMemo(() => evenTicks(points.map((p) => p.timestamp), granularity, width - PLOT_INSET), [points, granularity, width]);
  const clickBar = (_: unknown, index: number) => {
    const s = points[index]?.spikeIndex;
    if (s !== null && s !== undefined) onSpikeClick(spikes[s].spike);
  };
  return (
    <div className="h-56 text-gray-500 sm:h-64 dark:text-gray-400" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 240 }} onResize={(w) => setWidth(Math.round(w))}>
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="timestamp"
            tickFormatter={(t: string) => bucketLabel(t, granularity, zone)}
            tick={{ fill: "currentColor", fontSize: 11 }}
            stroke="currentColor"
            strokeOpacity={0.3}
            ticks={ticks}
            interval={0}
          />
          <YAxis allowDecimals={false} tick={{ fill: "currentColor", fontSize: 11 }} stroke="currentColor" strokeOpacity={0.3} />
          <Tooltip content={(props) => <ChartTooltip {...props} granularity={granularity} zone={zone} />} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
          {spikes.map(({ spike, x1, x2 }) => (
            <ReferenceArea
              key={spike.startTime}
              x1={x1}
              x2={x2}
              fill="#ef4444"
              fillOpacity={0.18}
              stroke="#ef4444"
              strokeOpacity={0.4}
              strokeDasharray="3 3"
              className="cursor-pointer"
              onClick={() => onSpikeClick(spike)}
            />
          ))}
          <Bar dataKey="other" name="Errors" stackId="errors" fill="#60a5fa" isAnimationActive={false} onClick={clickBar}>
            {points.map((p) => (
              <Cell key={p.timestamp} fill={p.spikeIndex !== null ? "#f97316" : "#60a5fa"} {...spikeCell(p)} />
            ))}
          </Bar>
          <Bar
            dataKey="critical"
            name="Critical"
            stackId="errors"
            fill="#dc2626"
            isAnimationActive={false}
            onClick={clickBar}
          >
            {points.map((p) => (
              <Cell key={p.timestamp} fill="#dc2626" {...spikeCell(p)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
