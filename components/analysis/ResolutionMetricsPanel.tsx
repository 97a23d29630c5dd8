"use client";

import { useState } from "react";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import type { DurationStats, ResolutionBreakdown, ResolutionMetrics } from "@/lib/analytics/getResolutionMetrics";
import type { Timeframe } from "@/lib/domain/timeframe";
import { formatSeconds } from "@/lib/client/format";

const DIMENSIONS = [
  { key: "byCategory", label: "Category" },
  { key: "bySeverity", label: "Severity" },
  { key: "byTeam", label: "Team" },
] as const;

const show = (s: number | null) => (s === null ? "—" : formatSeconds(s));

function Headline({ title, stats }: { title: string; stats: DurationStats }) {
  return (
    <div className="rounded-lg bg-gray-50 p-3 dark:bg-gray-950">
      <p className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{title}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums text-gray-900 dark:text-gray-100">
        {show(stats.medianSeconds)} <span className="text-xs font-normal text-gray-500 dark:text-gray-400">median</span>
      </p>
      <p className="text-xs tabular-nums text-gray-500 dark:text-gray-400">
        mean {show(stats.meanSeconds)} · {stats.count} issue{stats.count === 1 ? "" : "s"}
      </p>
    </div>
  );
}

/**
 * Time to acknowledge and time to resolve (docs/metrics.md), overall and by category, severity or
 * team, for issues acknowledged or resolved in the dashboard's timeframe.
 */
export function ResolutionMetricsPanel({ resolution, timeframe }: { resolution: ResolutionMetrics; timeframe: Timeframe }) {
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]["key"]>("byTeam");
  const rows: ResolutionBreakdown[] = resolution[dimension];
  const empty = resolution.overall.acknowledge.count === 0 && resolution.overall.resolve.count === 0;
  return (
    <Card
      title="Time to acknowledge & resolve"
      titleId="triage-times-title"
      actions={
        <div role="group" aria-label="Break down by" className="flex gap-1">
          {DIMENSIONS.map((d) => (
            <button
              key={d.key}
              type="button"
              aria-pressed={dimension === d.key}
              onClick={() => setDimension(d.key)}
              className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${
                dimension === d.key ? "bg-blue-600 text-white ring-blue-600" : "bg-white text-gray-600 ring-gray-300 hover:bg-gray-50 dark:bg-gray-800 dark:text-gray-300 dark:ring-gray-700"
              }`}
            >
              {d.label}
            </button>
          ))}
        </div>
      }
    >
      {empty ? (
        <EmptyState title={`No issue was acknowledged or resolved in the last ${timeframe}`} className="py-4" />
      ) : (
        <div className="space-y-4" data-testid="resolution-metrics">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Headline title="Time to acknowledge" stats={resolution.overall.acknowledge} />
            <Headline title="Time to resolve" stats={resolution.overall.resolve} />
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Resolution times by {DIMENSIONS.find((d) => d.key === dimension)?.label.toLowerCase()}</caption>
              <thead>
                <tr className="text-left text-xs uppercase tracking-wide text-gray-500 dark:text-gray-400">
                  <th scope="col" className="py-1 font-medium">{DIMENSIONS.find((d) => d.key === dimension)?.label}</th>
                  <th scope="col" className="py-1 text-right font-medium">Ack. median</th>
                  <th scope="col" className="py-1 text-right font-medium">Ack. mean</th>
                  <th scope="col" className="py-1 text-right font-medium">Resolve median</th>
                  <th scope="col" className="py-1 text-right font-medium">Resolve mean</th>
                  <th scope="col" className="py-1 text-right font-medium">Resolved</th>
                </tr>
              </thead>
              <tbody className="tabular-nums text-gray-900 dark:text-gray-100">
                {rows.map((r) => (
                  <tr key={r.key} className="border-t border-gray-100 dark:border-gray-800">
                    <th scope="row" className="max-w-[10rem] truncate py-1.5 text-left font-normal text-gray-700 dark:text-gray-300">{r.label}</th>
                    <td className="py-1.5 text-right">{show(r.acknowledge.medianSeconds)}</td>
                    <td className="py-1.5 text-right">{show(r.acknowledge.meanSeconds)}</td>
                    <td className="py-1.5 text-right">{show(r.resolve.medianSeconds)}</td>
                    <td className="py-1.5 text-right">{show(r.resolve.meanSeconds)}</td>
                    <td className="py-1.5 text-right">{r.resolve.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
