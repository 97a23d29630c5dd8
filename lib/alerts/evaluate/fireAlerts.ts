import { firstEscalationAt } from "@/lib/alerts/escalation/escalationSchedule";
import { dedupKeyOf, groupKeyOf, type Trigger } from "@/lib/alerts/evaluate/trigger";
import { alertPool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { metrics } from "@/lib/metrics/registry";

export interface FiredAlert {
  id: string;
  workspaceId: string;
  severity: string;
  ruleKind: string;
  /** True when this call created the alert; false when it added to an open one. */
  inserted: boolean;
}

export interface FireResult {
  alerts: FiredAlert[];
  /** Deliveries created for new alerts: send them now (they are also picked up by the retry worker). */
  deliveryIds: string[];
}

/**
 * How a trigger counts on an alert that is already open:
 *  - "events": every triggering event is a crossing (immediate rules: critical, new issue, regression);
 *  - "level": a crossing only if the condition had cleared since the last one (windowed rules).
 */
export type FireMode = "events" | "level";

const ON_CONFLICT: Record<FireMode, string> = {
  events: `count = a.count + excluded.count,
    value = excluded.value,
    "conditionActive" = true,
    "lastTriggeredAt" = excluded."lastTriggeredAt"`,
  level: `count = a.count + CASE WHEN a."conditionActive" THEN 0 ELSE 1 END,
    value = excluded.value,
    "conditionActive" = true,
    "lastTriggeredAt" = CASE WHEN a."conditionActive" THEN a."lastTriggeredAt" ELSE excluded."lastTriggeredAt" END`,
};

/**
 * Fires alerts in ONE statement: at most one open alert per rule and group (the unique dedupKey makes
 * concurrent evaluations on several instances converge on one row; only the inserting statement gets
 * `inserted`), then, for new alerts only, the history entry and one pending delivery per channel
 * subscribed to the alert's severity and the initial stage and covering its project (the same routing
 * as `channelsFor`).
 * Alerts are not raised for ignored or resolved errors, nor by a rule disabled since it was read, nor
 * by one limited to other projects (`projectIds`: every evaluation path ends here, so one filter).
 */
function fireSql(mode: FireMode): string {
  return `
WITH t AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "workspaceId" uuid, "ruleId" uuid, "ruleKind" text, "ruleName" text,
    threshold float8, "projectId" uuid, "errorGroupId" uuid, "dedupKey" text, severity text, title text, value text, increment int,
    "escalateAfterSeconds" int, "finalAfterSeconds" int, "nextEscalationAt" timestamptz)
), eligible AS (
  -- Rules without an alert severity take the error's own (stored) severity.
  SELECT t.*, coalesce(r."alertSeverity", g.severity, t.severity::"Severity") AS sev FROM t
  JOIN "AlertRule" r ON r.id = t."ruleId" AND r.enabled
    AND (coalesce(cardinality(r."projectIds"), 0) = 0 OR t."projectId" = ANY(r."projectIds"))
  LEFT JOIN "ErrorGroup" g ON g.id = t."errorGroupId"
  WHERE t."errorGroupId" IS NULL OR g.status NOT IN ('ignored', 'resolved')
), up AS (
  INSERT INTO "Alert" AS a (id, "workspaceId", "ruleId", "ruleKind", "ruleName", threshold, "projectId", "errorGroupId", "dedupKey",
    severity, status, title, value, count, "conditionActive", stage, "nextEscalationAt", "escalateAfterSeconds", "finalAfterSeconds",
    "firedAt", "lastTriggeredAt", "updatedAt")
  SELECT id, "workspaceId", "ruleId", "ruleKind"::"AlertRuleKind", "ruleName", threshold, "projectId", "errorGroupId", "dedupKey",
    sev, 'active', title, value::float8, greatest(increment, 1), true, 'initial', "nextEscalationAt",
    "escalateAfterSeconds", "finalAfterSeconds", $2::timestamptz, $2::timestamptz, now()
  FROM eligible
  ORDER BY "dedupKey"
  ON CONFLICT ("dedupKey") DO UPDATE SET ${ON_CONFLICT[mode]}, "updatedAt" = now()
  RETURNING a.id, a."workspaceId", a."projectId", a.severity, a."ruleKind", a.value, (xmax = 0) AS inserted
), fired AS (
  SELECT * FROM up WHERE inserted
), history AS (
  INSERT INTO "AlertEvent" (id, "alertId", action, "actorId", before, after)
  SELECT gen_random_uuid(), f.id, 'alert.triggered', NULL, NULL,
    jsonb_build_object('status', 'active', 'severity', f.severity, 'value', f.value::text)
  FROM fired f
), deliveries AS (
  INSERT INTO "Delivery" (id, "workspaceId", "alertId", "channelId", stage, status, attempts, "nextAttemptAt", "updatedAt")
  SELECT gen_random_uuid(), f."workspaceId", f.id, c.id, 'initial', 'pending', 0, $2::timestamptz, now()
  FROM fired f
  JOIN "NotificationChannel" c ON c."workspaceId" = f."workspaceId" AND c.enabled
    AND f.severity = ANY(c.severities) AND 'initial'::"EscalationStage" = ANY(c.stages)
    AND (coalesce(cardinality(c."projectIds"), 0) = 0 OR f."projectId" = ANY(c."projectIds"))
  ON CONFLICT ("alertId", "channelId", stage) DO NOTHING
  RETURNING id
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', id, 'workspaceId', "workspaceId", 'severity', severity, 'ruleKind', "ruleKind", 'inserted', inserted)), '[]') FROM up) AS alerts,
  (SELECT coalesce(json_agg(id), '[]') FROM deliveries) AS "deliveryIds"`;
}

export async function fireAlerts(triggers: Trigger[], now: Date, mode: FireMode): Promise<FireResult> {
  if (triggers.length === 0) return { alerts: [], deliveryIds: [] };
  const rows = dedupeTriggers(triggers).map((t) => {
    const times = { escalateAfterSeconds: t.rule.escalateAfterSeconds, finalAfterSeconds: t.rule.finalAfterSeconds };
    return {
      id: uuidv7(now.getTime()),
      workspaceId: t.workspaceId,
      ruleId: t.rule.id,
      ruleKind: t.rule.kind,
      ruleName: t.rule.name,
      threshold: t.rule.threshold,
      projectId: t.projectId,
      errorGroupId: t.errorGroupId,
      dedupKey: dedupKeyOf(t.rule.id, groupKeyOf(t)),
      severity: t.severity,
      title: t.title,
      value: String(t.value),
      increment: t.increment,
      ...times,
      nextEscalationAt: firstEscalationAt(now, times)?.toISOString() ?? null,
    };
  });
  const { rows: result } = await alertPool().query<FireResult>({
    name: `faultline-fire-alerts-${mode}`,
    text: fireSql(mode),
    values: [JSON.stringify(rows), now.toISOString()],
  });
  const { alerts, deliveryIds } = result[0];
  for (const alert of alerts) {
    if (alert.inserted) metrics().alertsFired.inc({ workspace: alert.workspaceId, severity: alert.severity, rule_kind: alert.ruleKind });
  }
  return { alerts, deliveryIds };
}

/** Two triggers for one rule and group in a batch would hit the same row twice in one INSERT: merge them. */
function dedupeTriggers(triggers: Trigger[]): Trigger[] {
  const byKey = new Map<string, Trigger>();
  for (const t of triggers) {
    const key = dedupKeyOf(t.rule.id, groupKeyOf(t));
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, value: Math.max(seen.value, t.value), increment: seen.increment + t.increment } : t);
  }
  return [...byKey.values()];
}
