import type { ErrorSummary } from "@/lib/errors/errorDto";
import { formatCount, formatMoney } from "@/lib/client/format";

export function ImpactAnalysis({ impact }: { impact: ErrorSummary["impact"] }) {
  const rows: [string, string][] = [
    ["Users affected", formatCount(impact.usersAffected)],
    ["Agents affected", formatCount(impact.agentsAffected)],
    ["Affected executions", formatCount(impact.executionsAffected)],
    ["Credits lost", formatMoney(impact.creditsLost)],
    ["Cascading failures", formatCount(impact.cascadingFailures)],
  ];
  return (
    <div className="border-t border-gray-200 px-4 py-4 sm:px-6 dark:border-gray-800">
      <h3 className="mb-2 text-sm font-medium text-gray-900 dark:text-gray-100">Impact analysis</h3>
      <dl className="space-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4">
            <dt className="text-gray-500 dark:text-gray-400">{label}</dt>
            <dd className="tabular-nums text-gray-900 dark:text-gray-100">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
