import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { formatCount, formatPercent, formatSeconds } from "@/lib/client/format";

type Recovery = ErrorTracking["recovery"];

function TimesTable({ times }: { times: Recovery["recoveryTimes"] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Recovery times</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-gray-500 dark:text-gray-400">
          <th scope="col" className="py-1 font-medium">Recovery</th>
          <th scope="col" className="py-1 text-right font-medium">Avg</th>
          <th scope="col" className="py-1 text-right font-medium">Median</th>
          <th scope="col" className="py-1 text-right font-medium">p95</th>
        </tr>
      </thead>
      <tbody className="tabular-nums text-gray-900 dark:text-gray-100">
        {(["automatic", "manual"] as const).map((kind) => (
          <tr key={kind} className="border-t border-gray-100 dark:border-gray-800">
            <th scope="row" className="py-1.5 text-left font-normal capitalize text-gray-600 dark:text-gray-300">{kind}</th>
            <td className="py-1.5 text-right">{formatSeconds(times[kind]?.avg ?? null)}</td>
            <td className="py-1.5 text-right">{formatSeconds(times[kind]?.median ?? null)}</td>
            <td className="py-1.5 text-right">{formatSeconds(times[kind]?.p95 ?? null)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How errors get recovered: time to recover, which methods work, and what failed. */
export function RecoveryAnalysis({ recovery }: { recovery: Recovery }) {
  const { recoveryTimes, recoveryMethods, failedRecoveries } = recovery;
  return (
    <Card title="Recovery analysis" titleId="recovery-title">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <TimesTable times={recoveryTimes} />
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Methods</h3>
          {recoveryMethods.length === 0 ? (
            <EmptyState title="No recovery attempts reported" className="py-4" />
          ) : (
            <ul className="mt-2 space-y-2">
              {recoveryMethods.map((m) => (
                <li key={m.method} className="text-sm">
                  <div className="flex justify-between gap-2">
                    <span className="font-medium text-gray-900 dark:text-gray-100">{m.method}</span>
                    <span className="tabular-nums text-gray-600 dark:text-gray-300">{formatPercent(m.successRate)} success</span>
                  </div>
                  <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-gray-100 dark:bg-gray-800" aria-hidden="true">
                    <div className="h-full rounded-full bg-green-500" style={{ width: `${Math.min(100, Math.max(0, m.successRate))}%` }} />
                  </div>
                  <p className="mt-0.5 text-xs text-gray-500 dark:text-gray-400">
                    {formatCount(m.usageCount)} uses · avg {formatSeconds(m.avgTime)}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Failed recoveries</h3>
          {failedRecoveries.length === 0 ? (
            <EmptyState title="No failed recoveries" className="py-4" />
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {failedRecoveries.slice(0, 5).map((f) => (
                <li key={f.errorId}>
                  <p className="text-gray-900 dark:text-gray-100">{f.failureReason}</p>
                  <p className="text-xs text-gray-500 dark:text-gray-400">tried {f.attemptedMethods.join(", ") || "nothing"}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
