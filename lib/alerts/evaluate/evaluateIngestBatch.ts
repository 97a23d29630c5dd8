import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { countWindowChecks } from "@/lib/alerts/evaluate/countWindowChecks";
import { fireAlerts } from "@/lib/alerts/evaluate/fireAlerts";
import { planIngestEvaluation, type IngestBatch } from "@/lib/alerts/evaluate/planIngestEvaluation";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { dispatchDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { enabledRulesOf } from "@/lib/alerts/rules/ruleCache";

/**
 * The ingest fast path for one workspace's batch: immediate rules fire at once; windowed count rules
 * are checked for the groups that just got events, so "5 high in 5 min" fires on the fifth event
 * rather than at the next background sweep (which still catches anything missed here). New alerts'
 * notifications are dispatched without waiting for them.
 */
export async function evaluateIngestBatch(batch: IngestBatch, now: Date): Promise<{ fired: number }> {
  const rules = await enabledRulesOf(batch.workspaceId);
  const plan = planIngestEvaluation(rules, batch);
  const immediate = await fireAlerts(plan.triggers, now, "events");

  const counts = await countWindowChecks(plan.windowChecks, now);
  const windowed: Trigger[] = counts
    .filter(({ check, count }) => count >= check.rule.threshold)
    .map(({ check, count }) => ({
      rule: check.rule,
      workspaceId: batch.workspaceId,
      projectId: check.group.projectId,
      errorGroupId: check.group.groupId,
      severity: check.rule.alertSeverity ?? check.group.groupSeverity,
      title: alertTitle({ ...check.rule, value: count, error: check.group }),
      value: count,
      increment: 1,
    }));
  const level = await fireAlerts(windowed, now, "level");

  dispatchDeliveries([...immediate.deliveryIds, ...level.deliveryIds]);
  return { fired: [...immediate.alerts, ...level.alerts].filter((a) => a.inserted).length };
}
