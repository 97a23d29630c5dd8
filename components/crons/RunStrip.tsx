import { checkInLook, formatDuration } from "@/components/crons/checkInStatus";
import type { CheckInDto } from "@/lib/crons/monitorDto";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";

/** A monitor's latest runs, oldest to newest, one coloured cell each (status, time and duration on hover and for screen readers). */
export function RunStrip({ runs }: { runs: CheckInDto[] }) {
  const zone = useTimeZone();
  if (runs.length === 0) return <span className="text-xs text-gray-500 dark:text-gray-400">no runs yet</span>;
  return (
    <ol className="flex items-center gap-0.5" aria-label="Latest runs, oldest first">
      {runs.map((run) => {
        const look = checkInLook(run.status);
        const when = exactTime(run.expectedAt ?? run.createdAt, zone);
        const title = `${look.label} · ${when}${run.durationMs !== null ? ` · ${formatDuration(run.durationMs)}` : ""}`;
        return (
          <li key={run.id} title={title} data-status={run.status} className={`h-5 w-1.5 rounded-sm ${look.cell}`}>
            <span className="sr-only">{title}</span>
          </li>
        );
      })}
    </ol>
  );
}
