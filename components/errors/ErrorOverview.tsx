import { SeverityBadge } from "@/components/ui/Badge";
import { StatCard } from "@/components/errors/StatCard";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { formatCount, formatMoney, formatNumber, formatPercent, formatSeconds } from "@/lib/client/format";

function RateChange({ change, basis }: { change: number | null; basis: string }) {
  if (change === null) return <span title={basis}>{basis.split(":")[0]}</span>;
  if (change === 0) return <span>no change vs previous period</span>;
  const up = change > 0;
  return (
    <span className={up ? "text-red-600 dark:text-red-400" : "text-green-600 dark:text-green-400"}>
      {up ? "▲" : "▼"} {formatNumber(Math.abs(change))} pts vs previous period
    </span>
  );
}

/** The overview cards: volume, reach, rates, impact and recovery for the selected timeframe. */
export function ErrorOverview({ overview, recoveryOutcomes }: { overview: ErrorTracking["overview"]; recoveryOutcomes: number }) {
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title" className="sr-only">
        Overview
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard label="Total errors" value={formatCount(overview.totalErrors)} testId="overview-totalErrors" hint={`${formatCount(overview.previousTotalErrors)} in the previous period`} />
        <StatCard label="Unique errors" value={formatCount(overview.uniqueErrors)} testId="overview-uniqueErrors" hint="distinct error groups" />
        <StatCard
          label="Affected users"
          value={formatCount(overview.affectedUsers)}
          testId="overview-affectedUsers"
          hint={`${overview.userImpact === null ? "" : `${formatPercent(overview.userImpact)} of users · `}${formatCount(overview.affectedAgents)} agents`}
        />
        <StatCard label="Error rate" value={formatPercent(overview.errorRate)} testId="overview-errorRate" hint={<RateChange change={overview.errorRateChange} basis={overview.errorRateBasis} />} />
        <StatCard
          label="Critical error rate"
          value={formatPercent(overview.criticalErrorRate)}
          testId="overview-criticalErrorRate"
          tone={(overview.criticalErrorRate ?? 0) > 0 ? "danger" : "default"}
        />
        <StatCard label="System impact" value={<SeverityBadge severity={overview.systemImpact} />} testId="overview-systemImpact" hint={overview.estimatedRevenueLoss > 0 ? `est. ${formatMoney(overview.estimatedRevenueLoss)} lost` : "no lost credits reported"} />
        <StatCard
          label="Avg recovery time"
          value={formatSeconds(overview.avgRecoveryTime)}
          testId="overview-avgRecoveryTime"
          hint={recoveryOutcomes > 0 ? `${formatPercent(overview.autoRecoveryRate)} recovered automatically` : "no recovery outcomes reported"}
        />
        <StatCard label="Manual interventions" value={formatCount(overview.manualInterventions)} testId="overview-manualInterventions" />
      </dl>
    </section>
  );
}
