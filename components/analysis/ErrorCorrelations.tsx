import type { ReactNode } from "react";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { formatCount, formatPercent } from "@/lib/client/format";

type Correlations = ErrorTracking["correlations"];

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <div>
      <h3 className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{title}</h3>
      {empty ? <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">None found in this timeframe.</p> : <ul className="mt-2 space-y-2">{children}</ul>}
    </div>
  );
}

const typeList = (types: string[]) => (types.length > 3 ? `${types.slice(0, 3).join(", ")} +${types.length - 3}` : types.join(", "));

/** Which agents and users the errors cluster on, and which errors cascade from others. */
export function ErrorCorrelations({ correlations }: { correlations: Correlations }) {
  const { agentCorrelation, userCorrelation, errorChains } = correlations;
  return (
    <Card title="Correlations" titleId="correlations-title" bodyClassName="space-y-5 p-4 sm:p-6">
      <p className="text-sm text-gray-500 dark:text-gray-400">Select an error to see its details.</p>
      <Section title="By agent" empty={agentCorrelation.length === 0}>
        {agentCorrelation.slice(0, 5).map((a) => (
          <li key={a.agentId} className="text-sm">
            <div className="flex justify-between gap-2">
              <span className="truncate font-medium text-gray-900 dark:text-gray-100">{a.agentName || a.agentId}</span>
              <span className="shrink-0 tabular-nums text-gray-600 dark:text-gray-300">
                {a.errorRate === null ? `${a.errorTypes.length} error types` : `${formatPercent(a.errorRate)} error rate`}
              </span>
            </div>
            <p className="truncate text-xs text-gray-500 dark:text-gray-400">
              {typeList(a.errorTypes)}
              {a.commonCause && ` · ${a.commonCause}`}
            </p>
          </li>
        ))}
      </Section>
      <Section title="By user" empty={userCorrelation.length === 0}>
        {userCorrelation.slice(0, 5).map((u) => (
          <li key={u.userId} className="text-sm">
            <div className="flex justify-between gap-2">
              <span className="truncate font-medium text-gray-900 dark:text-gray-100">{u.userId}</span>
              <span className="shrink-0 tabular-nums text-gray-600 dark:text-gray-300">{formatCount(u.frequency)}×</span>
            </div>
            <p className="truncate text-xs text-gray-500 dark:text-gray-400">
              {typeList(u.errorTypes)}
              {u.possibleCause && ` · ${u.possibleCause}`}
            </p>
          </li>
        ))}
      </Section>
      <Section title="Error chains" empty={errorChains.length === 0}>
        {errorChains.slice(0, 5).map((c) => (
          <li key={c.rootError} className="text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="truncate font-mono text-gray-900 dark:text-gray-100">{c.rootError}</span>
              {c.preventable && <Badge className="bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300">preventable</Badge>}
            </div>
            <p className="truncate text-xs text-gray-500 dark:text-gray-400">
              → {typeList(c.cascadingErrors)} · impact {formatCount(c.totalImpact)}
            </p>
          </li>
        ))}
      </Section>
    </Card>
  );
}
