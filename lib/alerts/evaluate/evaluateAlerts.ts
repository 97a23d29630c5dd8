import { runEscalations } from "@/lib/alerts/escalation/runEscalations";
import { resolveOrphanedAlerts } from "@/lib/alerts/evaluate/resolveOrphanedAlerts";
import { sweepAggregateRules } from "@/lib/alerts/evaluate/sweepAggregateRules";
import { sweepCountRules } from "@/lib/alerts/evaluate/sweepCountRules";
import { sweepIngestHealthRules } from "@/lib/alerts/evaluate/sweepIngestHealthRules";
import { processDeliveries, type DeliveryRun } from "@/lib/alerts/notify/processDeliveries";

export interface EvaluationRun {
  fired: number;
  escalated: number;
  deliveries: DeliveryRun;
}

/**
 * One background evaluation at `now`: windowed count rules, error-rate and spike rules, ingest-health rules, escalation,
 * alerts of errors resolved elsewhere, then every due delivery (new ones and retries). Time is
 * injected, and `workspaceIds` narrows it to some workspaces, so tests drive it deterministically.
 * Safe to run concurrently with other instances: the database decides what fires (see fireAlerts).
 */
export async function evaluateAlerts(input: { now?: Date; workspaceIds?: string[] } = {}): Promise<EvaluationRun> {
  const now = input.now ?? new Date();
  const scope = { now, workspaceIds: input.workspaceIds };
  const counts = await sweepCountRules(scope);
  const aggregates = await sweepAggregateRules(scope);
  const ingestHealth = await sweepIngestHealthRules(scope);
  const { escalated } = await runEscalations(scope);
  await resolveOrphanedAlerts(scope);
  const deliveries = await processDeliveries(scope);
  return { fired: counts.alerts.filter((a) => a.inserted).length + aggregates.fired + ingestHealth.fired, escalated, deliveries };
}
