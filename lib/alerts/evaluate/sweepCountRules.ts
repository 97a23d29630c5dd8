import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { applyLevelUpdates, type LevelUpdate } from "@/lib/alerts/evaluate/applyLevelUpdates";
import { fireAlerts, type FireResult } from "@/lib/alerts/evaluate/fireAlerts";
import { planLevelChange } from "@/lib/alerts/evaluate/planLevelChange";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import type { Severity } from "@/lib/generated/prisma/enums";

/** Counting stops here: enough to decide and to show "10,000+". */
const COUNT_CAP = 10_000;

interface Row {
  ruleId: string;
  groupId: string;
  workspaceId: string;
  projectId: string;
  type: string;
  message: string;
  groupSeverity: Severity;
  n: number;
  alertId: string | null;
  conditionActive: boolean | null;
  value: number | null;
}

/**
 * Background evaluation of windowed severity-count rules ("5 high in 5 min"...). Looks at every group
 * seen within a rule's window and every group with an open alert of the rule, counts its events in
 * the window (since the last resolution), and fires, counts a new crossing, or notes that the
 * condition cleared. Catches whatever the ingest fast path missed (another instance crashed, events
 * that arrived late), and is what makes repeated crossings countable.
 */
export async function sweepCountRules(input: { now: Date; workspaceIds?: string[] }): Promise<FireResult> {
  const rules = await db().alertRule.findMany({
    where: { kind: "severity_count", enabled: true, windowSeconds: { gt: 0 }, ...(input.workspaceIds && { workspaceId: { in: input.workspaceIds } }) },
  });
  if (rules.length === 0) return { alerts: [], deliveryIds: [] };
  const byId = new Map(rules.map((r) => [r.id, r]));

  const { rows } = await pool().query<Row>(
    `WITH rules AS (
       SELECT * FROM "AlertRule" WHERE id = ANY($2::uuid[])
     ), pairs AS (
       SELECT r.id AS "ruleId", g.id AS "groupId" FROM rules r
       JOIN "ErrorGroup" g ON g."workspaceId" = r."workspaceId"
         AND g."lastSeen" > $1::timestamptz - make_interval(secs => r."windowSeconds")
         AND g.status NOT IN ('ignored', 'resolved')
       UNION
       SELECT a."ruleId", a."errorGroupId" FROM "Alert" a
       WHERE a."ruleId" = ANY($2::uuid[]) AND a.status <> 'resolved' AND a."errorGroupId" IS NOT NULL
     )
     SELECT p."ruleId", p."groupId", g."workspaceId", g."projectId", g.type, g.message, g.severity::text AS "groupSeverity", c.n,
       a.id AS "alertId", a."conditionActive", a.value
     FROM pairs p
     JOIN rules r ON r.id = p."ruleId"
     JOIN "ErrorGroup" g ON g.id = p."groupId"
     LEFT JOIN "Alert" a ON a."dedupKey" = p."ruleId"::text || ':' || p."groupId"::text
     CROSS JOIN LATERAL (
       SELECT greatest(
         $1::timestamptz - make_interval(secs => r."windowSeconds"),
         coalesce(g."resolvedAt", '-infinity'),
         coalesce((SELECT max(x."resolvedAt") FROM "Alert" x WHERE x."errorGroupId" = g.id AND x."ruleId" = r.id), '-infinity')
       ) AS since
     ) s
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS n FROM (
         SELECT 1 FROM "ErrorOccurrence" o
         WHERE o."groupId" = g.id AND (r."eventSeverity" IS NULL OR o.severity = r."eventSeverity")
           AND o."occurredAt" > s.since AND o."occurredAt" <= $1::timestamptz
         LIMIT $3
       ) bounded
     ) c`,
    [input.now.toISOString(), rules.map((r) => r.id), COUNT_CAP],
  );

  const triggers: Trigger[] = [];
  const updates: LevelUpdate[] = [];
  for (const row of rows) {
    const rule = byId.get(row.ruleId);
    if (!rule) continue;
    const firing = row.n >= rule.threshold;
    const open = row.alertId ? { id: row.alertId, conditionActive: Boolean(row.conditionActive), value: Number(row.value) } : null;
    const change = planLevelChange({ firing, value: row.n, open, resolvesWhenClear: false });
    if (change.kind === "fire") {
      triggers.push({
        rule,
        workspaceId: row.workspaceId,
        projectId: row.projectId,
        errorGroupId: row.groupId,
        severity: rule.alertSeverity ?? row.groupSeverity,
        title: alertTitle({ ...rule, value: row.n, error: row }),
        value: row.n,
        increment: 1,
      });
    } else if (change.kind === "recross" || change.kind === "update") {
      updates.push({ alertId: change.alertId, value: row.n, conditionActive: firing, recross: change.kind === "recross" });
    }
  }
  await applyLevelUpdates(updates, input.now);
  return fireAlerts(triggers, input.now, "level");
}
