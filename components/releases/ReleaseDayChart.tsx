"use client";

import { Bar, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { crashFreeText } from "@/lib/client/crashFree";
import { countOf } from "@/lib/client/format";
import { bucketLabel } from "@/lib/client/zonedTime";
import type { ReleaseDay } from "@/lib/releases/releaseHealth";

interface Point {
  start: string;
  events: number;
  sessions: number;
  crashed: number;
  /** Percent, for the line; null without sessions (a gap, not a dip to 0). */
  crashFree: number | null;
  day: ReleaseDay;
}

function DayTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded bg-white px-2 py-1 text-xs shadow ring-1 ring-gray-200 dark:bg-gray-800 dark:ring-gray-700">
      <p className="font-medium">{point.day.day} UTC</p>
      <p>{countOf(point.events, "error event")}</p>
      {point.sessions > 0 && (
        <p>
          {countOf(point.sessions, "session")} · {formatCrashed(point)}
        </p>
      )}
    </div>
  );
}

const formatCrashed = (point: Point) =>
  `${point.crashed} crashed${point.day.sessions.abnormal > 0 ? ` · ${point.day.sessions.abnormal} abnormal` : ""}${point.day.crashFreeRate === null ? "" : ` · ${crashFreeText(point.day.crashFreeRate)} crash-free`}`;

/** Error events per UTC day (bars) and, when the release has sessions, its crash-free share (line, right axis). */
export function ReleaseDayChart({ days }: { days: ReleaseDay[] }) {
  const points: Point[] = days.map((day) => ({
    start: `${day.day}T00:00:00.000Z`,
    events: day.events,
    sessions: day.sessions.ok + day.sessions.errored + day.sessions.crashed + day.sessions.abnormal,
    crashed: day.sessions.crashed,
    crashFree: day.crashFreeRate === null ? null : Math.round(day.crashFreeRate * 1000) / 10,
    day,
  }));
  const hasSessions = points.some((p) => p.sessions > 0);
  const lowest = Math.min(100, ...points.flatMap((p) => (p.crashFree === null ? [] : [p.crashFree])));
  return (
    <div className="h-48 text-gray-500 dark:text-gray-400" data-testid="release-day-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 192 }}>
        <ComposedChart data={points} margin={{ top: 8, right: hasSessions ? 0 : 8, bottom: 0, left: -20 }}>
          <XAxis dataKey="start" tickFormatter={(t: string) => bucketLabel(t, "day", "UTC")} tick={{ fill: "currentColor", fontSize: 10 }} stroke="currentColor" strokeOpacity={0.3} minTickGap={24} />
          <YAxis yAxisId="events" allowDecimals={false} tick={{ fill: "currentColor", fontSize: 10 }} stroke="currentColor" strokeOpacity={0.3} />
          {hasSessions && (
            <YAxis
              yAxisId="rate"
              orientation="right"
              // The scale starts a little under the worst day, so a drop from 99.9 % to 98 % is visible.
              domain={[Math.max(0, Math.floor(lowest - 1)), 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fill: "currentColor", fontSize: 10 }}
              stroke="currentColor"
              strokeOpacity={0.3}
              width={44}
            />
          )}
          <Tooltip content={DayTooltip} cursor={{ fill: "currentColor", fillOpacity: 0.08 }} />
          <Bar yAxisId="events" dataKey="events" fill="#3b82f6" isAnimationActive={false} />
          {hasSessions && <Line yAxisId="rate" dataKey="crashFree" stroke="#16a34a" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
