"use client";

import { useState } from "react";
import { checkInLook, formatDuration } from "@/components/crons/checkInStatus";
import { Pagination } from "@/components/errors/Pagination";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useCheckInsQuery } from "@/lib/client/hooks/useMonitorsQuery";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTime, exactTime } from "@/lib/client/zonedTime";

/** One monitor's runs, newest first, paged: when each started (or was due), its status, duration and release (an uptime check's answer). */
export function MonitorHistory({ monitorId, uptime = false }: { monitorId: string; uptime?: boolean }) {
  const [page, setPage] = useState(1);
  const zone = useTimeZone();
  const runs = useCheckInsQuery(monitorId, page);
  if (runs.isLoading) return <LoadingState />;
  if (runs.error || !runs.data) return <ErrorState error={runs.error ?? new Error("no data")} onRetry={() => void runs.refetch()} />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[28rem] text-left text-sm">
        <thead className="text-xs uppercase text-gray-500 dark:text-gray-400">
          <tr>
            <th className="py-1 pr-4 font-medium">Run</th>
            <th className="py-1 pr-4 font-medium">Status</th>
            <th className="py-1 pr-4 font-medium">Duration</th>
            <th className="py-1 font-medium">{uptime ? "Answer" : "Release"}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {runs.data.items.map((run) => {
            const look = checkInLook(run.status);
            return (
              <tr key={run.id} data-testid="monitor-run">
                <td className="py-1 pr-4 text-gray-700 dark:text-gray-300">
                  {run.expectedAt ? `due ${dateTime(run.expectedAt, zone)}` : exactTime(run.createdAt, zone)}
                </td>
                <td className={`py-1 pr-4 font-medium ${look.text}`}>{look.label}</td>
                <td className="py-1 pr-4 tabular-nums text-gray-700 dark:text-gray-300">{formatDuration(run.durationMs)}</td>
                <td className="py-1 font-mono text-xs text-gray-600 dark:text-gray-400">{(uptime ? run.detail : run.release) ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination page={page} pageSize={runs.data.pageSize} total={runs.data.total} onPage={setPage} />
    </div>
  );
}
