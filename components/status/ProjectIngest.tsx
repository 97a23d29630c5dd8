import { Card } from "@/components/ui/Card";
import { formatBytes, formatCount, formatNumber } from "@/lib/client/format";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";

type Project = IngestHealth["projects"][number];
type Counts = Project["last24h"];

const COLUMNS: { key: keyof Counts; label: string; warn?: boolean; title: string }[] = [
  { key: "accepted", label: "Accepted", title: "stored" },
  { key: "duplicate", label: "Duplicate", title: "an event id already stored: not counted again" },
  { key: "rateLimited", label: "Rate-limited", warn: true, title: "refused with 429 by a rate limit or quota" },
  { key: "sampled", label: "Sampled", title: "counted in every total, occurrence not kept (spike protection, per-issue cap)" },
  { key: "dropped", label: "Dropped", warn: true, title: "refused as invalid, or lost to a server error" },
  { key: "filtered", label: "Filtered", title: "dropped by the project's inbound filters (Settings → Project)" },
  { key: "clientDiscarded", label: "Client-discarded", warn: true, title: "dropped by the SDK before sending (Sentry client reports)" },
];

/** Per project: events per second now, and what happened to its events in the last hour and day. */
export function ProjectIngest({ projects }: { projects: Project[] }) {
  const zone = useTimeZone();
  return (
    <Card title="Ingest per project" titleId="ingest-health-title" bodyClassName="overflow-x-auto">
      <table data-testid="ingest-table" className="min-w-full text-sm">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs uppercase tracking-wide text-gray-500 dark:border-gray-800 dark:text-gray-400">
            <th scope="col" className="px-3 py-2 font-medium">Project</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">Events/s</th>
            <th scope="col" className="px-2 py-2 font-medium">Window</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" title={c.title} className="px-2 py-2 text-right font-medium">
                {c.label}
              </th>
            ))}
            <th scope="col" className="px-3 py-2 text-right font-medium">Stored</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) =>
            (["lastHour", "last24h"] as const).map((window, i) => (
              <tr key={`${p.id}-${window}`} data-testid={i === 0 ? "ingest-row" : undefined} className={i === 1 ? "border-b border-gray-100 dark:border-gray-800" : ""}>
                {i === 0 && (
                  <>
                    <th scope="row" rowSpan={2} className="min-w-[7rem] px-3 py-2 text-left font-medium text-gray-900 dark:text-gray-100">
                      {p.name}
                    </th>
                    <td rowSpan={2} className="px-2 py-2 text-right font-mono">
                      {formatNumber(p.eventsPerSecond)}
                    </td>
                  </>
                )}
                <td className="whitespace-nowrap px-2 py-1 text-xs text-gray-500 dark:text-gray-400">{window === "lastHour" ? "1 h" : "24 h"}</td>
                {COLUMNS.map((c) => {
                  const value = p[window][c.key];
                  return (
                    <td
                      key={c.key}
                      data-testid={`${window}-${c.key}`}
                      className={`px-2 py-1 text-right font-mono ${c.warn && value > 0 ? "font-semibold text-red-700 dark:text-red-400" : "text-gray-700 dark:text-gray-300"}`}
                    >
                      {formatCount(value)}
                    </td>
                  );
                })}
                {i === 0 && (
                  <td rowSpan={2} className="whitespace-nowrap px-3 py-2 text-right font-mono" title={p.storage ? `sampled ${exactTime(p.storage.sampledAt, zone)}` : undefined}>
                    {formatBytes(p.storage?.bytes ?? null)}
                  </td>
                )}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </Card>
  );
}
