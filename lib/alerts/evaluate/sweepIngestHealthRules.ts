import { measureOrSkip } from "@/lib/alerts/evaluate/measureOrSkip";
import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { applyLevelUpdates, type LevelUpdate } from "@/lib/alerts/evaluate/applyLevelUpdates";
import type { Condition } from "@/lib/alerts/evaluate/aggregateConditions";
import { fireAlerts } from "@/lib/alerts/evaluate/fireAlerts";
import { diskCondition, lostEventsCondition } from "@/lib/alerts/evaluate/ingestHealthConditions";
import { planLevelChange } from "@/lib/alerts/evaluate/planLevelChange";
import type { Trigger } from "@/lib/alerts/evaluate/trigger";
import { transitionAlerts } from "@/lib/alerts/lifecycle/transitionAlerts";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { readStorageStatus } from "@/lib/storage/readStorageStatus";

/** The group key of a rule's disk alert (one per rule; its other alerts are per project). */
export const DISK_GROUP = "disk";

export interface IngestHealthSweepInput {
  now: Date;
  workspaceIds?: string[];
  /** Days of disk left (the status page's forecast); injectable so tests need not fill a disk. */
  readDaysLeft?: (now: Date) => Promise<number | null>;
}

/**
 * Ingest-health rules: per project, events lost in the window (dropped + rate-limited, from the
 * per-minute ingest counters every instance flushes); and, for rules with `diskDaysLeft`, the disk
 * forecast (one alert per rule, no project). Like error-rate and spike alerts they resolve themselves
 * when the condition clears, and a resolved alert waits one window before firing again.
 */
export async function sweepIngestHealthRules(input: IngestHealthSweepInput): Promise<{ fired: number; deliveryIds: string[] }> {
  const { now } = input;
  const rules = await db().alertRule.findMany({
    where: { kind: "ingest_health", enabled: true, ...(input.workspaceIds && { workspaceId: { in: input.workspaceIds } }) },
  });
  if (rules.length === 0) return { fired: 0, deliveryIds: [] };
  const diskRules = rules.filter((r) => r.diskDaysLeft !== null);
  const daysLeft = diskRules.length > 0 ? await (input.readDaysLeft ?? defaultDaysLeft)(now) : null;
  const operatorWorkspaces = diskRules.length > 0 ? await workspacesWithOperator(diskRules.map((r) => r.workspaceId)) : new Set<string>();

  const triggers: Trigger[] = [];
  const updates: LevelUpdate[] = [];
  const resolve: string[] = [];
  for (const rule of rules) {
    const measured = await measureOrSkip(rule.id, () =>
      Promise.all([
        measureLostEvents(rule.workspaceId, rule.windowSeconds, now),
        db().alert.findMany({
          where: { ruleId: rule.id, OR: [{ status: { not: "resolved" } }, { resolvedAt: { gt: new Date(now.getTime() - rule.windowSeconds * 1000) } }] },
          select: { id: true, projectId: true, status: true, conditionActive: true, value: true },
        }),
      ]),
    );
    if (!measured) continue;
    const [lost, alerts] = measured;
    const keyOf = (projectId: string | null) => projectId ?? DISK_GROUP;
    const open = new Map(alerts.filter((a) => a.status !== "resolved").map((a) => [keyOf(a.projectId), a]));
    const coolingDown = new Set(alerts.filter((a) => a.status === "resolved").map((a) => keyOf(a.projectId)));

    const consider = (projectId: string | null, projectName: string | null, condition: Condition) => {
      const key = keyOf(projectId);
      const alert = open.get(key);
      if (!alert && coolingDown.has(key)) return;
      const change = planLevelChange({ ...condition, open: alert ?? null, resolvesWhenClear: true });
      if (change.kind === "fire") {
        triggers.push({
          rule,
          workspaceId: rule.workspaceId,
          projectId,
          ...(projectId === null && { groupKey: DISK_GROUP }),
          errorGroupId: null,
          severity: rule.alertSeverity ?? "high",
          title: alertTitle({ ...rule, value: condition.value, projectName, disk: projectId === null }),
          value: condition.value,
          increment: 1,
        });
      } else if (change.kind === "recross" || change.kind === "update") {
        updates.push({ alertId: change.alertId, value: condition.value, conditionActive: condition.firing, recross: change.kind === "recross" });
      } else if (change.kind === "resolve") {
        resolve.push(change.alertId);
      }
    };
    for (const m of lost) consider(m.projectId, m.projectName, lostEventsCondition(rule, m));
    // The disk check taken off the rule resolves its disk alert; an unknown forecast (no growth yet,
    // no disk size) says nothing, so a disk alert stays as it is.
    // The disk is the instance's: a workspace without the instance operator among its admins never
    // hears of it (a rule set before that became the operator's alone is treated as having none).
    if (rule.diskDaysLeft === null || !operatorWorkspaces.has(rule.workspaceId)) {
      if (open.has(DISK_GROUP)) consider(null, null, { firing: false, value: 0 });
    } else if (daysLeft !== null) {
      consider(null, null, diskCondition(rule, daysLeft));
    }
  }
  await applyLevelUpdates(updates, now);
  const fired = await fireAlerts(triggers, now, "level");
  const resolved = await transitionAlerts({ ids: resolve, to: "resolved", actorId: null, resolution: "condition cleared", now });
  return { fired: fired.alerts.filter((a) => a.inserted).length, deliveryIds: [...fired.deliveryIds, ...resolved.deliveryIds] };
}

async function defaultDaysLeft(now: Date): Promise<number | null> {
  return (await readStorageStatus(now)).forecast.daysLeft;
}

/** Of these workspaces, those with an instance operator among their admins. */
async function workspacesWithOperator(workspaceIds: string[]): Promise<Set<string>> {
  const { rows } = await pool().query<{ workspaceId: string }>(
    `SELECT DISTINCT m."workspaceId" FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."workspaceId" = ANY($1::uuid[]) AND m.role = 'admin' AND u.operator`,
    [[...new Set(workspaceIds)]],
  );
  return new Set(rows.map((r) => r.workspaceId));
}

/** Per project of the workspace: dropped and rate-limited events in the minutes of the window. */
async function measureLostEvents(workspaceId: string, windowSeconds: number, now: Date) {
  const start = new Date(Math.floor((now.getTime() - windowSeconds * 1000) / 60_000) * 60_000);
  const { rows } = await pool().query<{ projectId: string; projectName: string; dropped: number; rateLimited: number }>(
    `SELECT p.id AS "projectId", p.name AS "projectName", coalesce(x.dropped, 0)::float8 AS dropped, coalesce(x."rateLimited", 0)::float8 AS "rateLimited"
     FROM "Project" p
     LEFT JOIN LATERAL (
       SELECT sum(m.dropped) AS dropped, sum(m."rateLimited") AS "rateLimited" FROM "IngestMinute" m
       WHERE m."projectId" = p.id AND m.minute >= $2::timestamptz AND m.minute <= $3::timestamptz
     ) x ON true
     WHERE p."workspaceId" = $1::uuid AND p."deletingAt" IS NULL`,
    [workspaceId, start.toISOString(), now.toISOString()],
  );
  return rows;
}
