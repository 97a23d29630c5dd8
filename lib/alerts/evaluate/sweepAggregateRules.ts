import { measureOrSkip } from "@/lib/alerts/evaluate/measureOrSkip";
import { errorRateCondition, spikeCondition } from "@/lib/alerts/evaluate/aggregateConditions";
import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { applyLevelUpdates, type LevelUpdate } from "@/lib/alerts/evaluate/applyLevelUpdates";
import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import { fireAlerts } from "@/lib/alerts/evaluate/fireAlerts";
import { measureAggregates } from "@/lib/alerts/evaluate/measureAggregates";
import { planLevelChange } from "@/lib/alerts/evaluate/planLevelChange";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";

/**
 * Error-rate and spike rules, per project. Only workspaces with recent errors or executions (inside
 * a rule's window), or with an open alert of the rule, are measured. These alerts belong to no single error, so they
 * resolve themselves when the condition clears; after a resolution the rule waits one window before
 * firing again for that project (no flapping on the edge of the threshold).
 */
export async function sweepAggregateRules(input: { now: Date; workspaceIds?: string[] }): Promise<{ fired: number; deliveryIds: string[] }> {
  const { now } = input;
  const { rows: active } = await pool().query<{ id: string }>(
    `SELECT r.id FROM "AlertRule" r
     WHERE r.kind IN ('error_rate', 'spike') AND r.enabled AND ($2::uuid[] IS NULL OR r."workspaceId" = ANY($2::uuid[]))
       AND (EXISTS (SELECT 1 FROM "ErrorGroup" g WHERE g."workspaceId" = r."workspaceId" AND g."lastSeen" > $1::timestamptz - make_interval(secs => r."windowSeconds"))
         OR (r.kind = 'error_rate' AND EXISTS (SELECT 1 FROM "ExecutionMinute" m WHERE m."workspaceId" = r."workspaceId" AND m.minute > $1::timestamptz - make_interval(secs => r."windowSeconds" + 60)))
         OR EXISTS (SELECT 1 FROM "Alert" a WHERE a."ruleId" = r.id AND a.status <> 'resolved'))`,
    [now.toISOString(), input.workspaceIds ?? null],
  );
  if (active.length === 0) return { fired: 0, deliveryIds: [] };
  const rules = await db().alertRule.findMany({ where: { id: { in: active.map((r) => r.id) } } });

  const triggers: Trigger[] = [];
  const updates: LevelUpdate[] = [];
  const resolve: string[] = [];
  for (const rule of rules) {
    const measured = await measureOrSkip(rule.id, () =>
      Promise.all([
        measureAggregates(rule, now),
        db().alert.findMany({
          where: { ruleId: rule.id, OR: [{ status: { not: "resolved" } }, { resolvedAt: { gt: new Date(now.getTime() - rule.windowSeconds * 1000) } }] },
          select: { id: true, projectId: true, status: true, conditionActive: true, value: true },
        }),
      ]),
    );
    if (!measured) continue;
    const [measures, alerts] = measured;
    const open = new Map(alerts.filter((a) => a.status !== "resolved").map((a) => [a.projectId, a]));
    const coolingDown = new Set(alerts.filter((a) => a.status === "resolved").map((a) => a.projectId));

    for (const m of measures) {
      const condition = conditionOf(rule, m.current, m.reference);
      const alert = open.get(m.projectId);
      if (!alert && coolingDown.has(m.projectId)) continue;
      const change = planLevelChange({ ...condition, open: alert ?? null, resolvesWhenClear: true });
      if (change.kind === "fire") {
        triggers.push({
          rule,
          workspaceId: rule.workspaceId,
          projectId: m.projectId,
          errorGroupId: null,
          severity: rule.alertSeverity ?? "high",
          title: alertTitle({ ...rule, value: condition.value, projectName: m.projectName }),
          value: condition.value,
          increment: 1,
        });
      } else if (change.kind === "recross" || change.kind === "update") {
        updates.push({ alertId: change.alertId, value: condition.value, conditionActive: condition.firing, recross: change.kind === "recross" });
      } else if (change.kind === "resolve") {
        resolve.push(change.alertId);
      }
    }
  }
  await applyLevelUpdates(updates, now);
  const fired = await fireAlerts(triggers, now, "level");
  const resolved = await transitionAlerts({ ids: resolve, to: "resolved", actorId: null, resolution: "condition cleared", now });
  return { fired: fired.alerts.filter((a) => a.inserted).length, deliveryIds: [...fired.deliveryIds, ...resolved.deliveryIds] };
}

function conditionOf(rule: EvaluableRule, current: number, reference: number) {
  return rule.kind === "error_rate" ? errorRateCondition(rule, current, reference) : spikeCondition(rule, current, reference);
}
