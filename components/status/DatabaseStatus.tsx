import { Card } from "@/components/ui/Card";
import { StatCard } from "@/components/errors/StatCard";
import { ProjectStorage } from "@/components/status/ProjectStorage";
import { formatBytes, formatCount, formatNumber } from "@/lib/client/format";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";

type Database = NonNullable<IngestHealth["database"]>;

const DISK_SOURCE: Record<Database["disk"]["source"], string> = {
  budget: "of the configured budget (FAULTLINE_DISK_BUDGET)",
  filesystem: "on the data directory's filesystem",
  unknown: "unknown: set FAULTLINE_DISK_BUDGET",
};

/** The whole database (the instance operator's view): size, growth, days of disk left; size per table and per project and table. */
export function DatabaseStatus({ database, projects }: { database: Database; projects: IngestHealth["projects"] }) {
  const { disk } = database;
  const low = disk.daysLeft !== null && disk.daysLeft < 14;
  return (
    <Card title="Storage" titleId="storage-title">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Database" value={formatBytes(database.bytes)} />
        <StatCard
          label={`Growth per day${database.growthEstimated ? " (estimated)" : ""}`}
          value={database.growthPerDayBytes === null ? "—" : formatBytes(database.growthPerDayBytes)}
        />
        <StatCard label="Free" value={formatBytes(disk.freeBytes)} hint={DISK_SOURCE[disk.source]} />
        <StatCard
          label="Days of disk left"
          testId="days-left"
          tone={low ? "danger" : "default"}
          value={daysLeftText(disk.daysLeft)}
          hint={disk.daysLeft === null ? "not growing, or free space unknown" : undefined}
        />
      </dl>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-gray-900 dark:text-gray-100">By table</h3>
          <table data-testid="table-sizes" className="w-full text-sm">
            <tbody>
              {database.tables.slice(0, 15).map((t) => (
                <tr key={t.name} className="border-b border-gray-100 dark:border-gray-800">
                  <th scope="row" className="py-1 text-left font-mono text-xs font-normal text-gray-700 dark:text-gray-300">
                    {t.name}
                    {t.partitions > 0 && <span className="text-gray-500 dark:text-gray-400"> · {t.partitions} partitions</span>}
                  </th>
                  {/* PostgreSQL's estimate from its last ANALYZE: none yet for a small table autovacuum has not reached. */}
                  <td className="py-1 text-right font-mono text-xs text-gray-500 dark:text-gray-400" title="PostgreSQL's estimate, as of its last ANALYZE of the table">
                    {t.rows > 0 ? `≈ ${formatCount(t.rows)} rows` : "—"}
                  </td>
                  <td className="py-1 pl-3 text-right font-mono text-xs">{formatBytes(t.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ProjectStorage projects={projects} />
      </div>
    </Card>
  );
}

/** "—", "3.5", "42", or "over a year": a forecast's precision (the API's figure has one decimal). */
function daysLeftText(days: number | null): string {
  if (days === null) return "—";
  if (days > 365) return "over a year";
  return days < 10 ? formatNumber(days) : formatCount(Math.floor(days));
}
