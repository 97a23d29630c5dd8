import { onErrorStatusChanged } from "@/lib/alerts/onErrorStatusChanged";
import { monitorFailureEvent, type MonitorFailure } from "@/lib/crons/monitorFailure";
import { pool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { loadGroupingRules } from "@/lib/grouping/rules/loadGroupingRules";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { isProjectGone } from "@/lib/intake/projectGone";
import { storeAndFanOut } from "@/lib/intake/storeAndFanOut";

export interface MonitorOutcomes {
  failures: MonitorFailure[];
  /** Monitors that recovered: their issue resolves. */
  recoveries: { groupId: string; monitorSlug: string }[];
}

/**
 * What check-ins and the sweep decided, made visible: each failure is stored as an event through
 * the ingest pipeline (so it groups, counts, alerts and reopens a resolved issue like any error) and
 * its issue remembered on the monitor; a recovered monitor's issue is resolved by the system
 * (audited, its open alerts closed) unless someone ignored or already resolved it.
 */
export async function reportMonitorOutcomes(outcomes: MonitorOutcomes, now = new Date()): Promise<void> {
  const byProject = new Map<string, MonitorFailure[]>();
  for (const failure of outcomes.failures) byProject.set(failure.projectId, [...(byProject.get(failure.projectId) ?? []), failure]);
  for (const failures of byProject.values()) await reportFailures(failures, now);
  for (const recovery of outcomes.recoveries) await resolveRecoveredIssue(recovery.groupId, recovery.monitorSlug, now);
}

/**
 * One project's failures as one ingest batch (a sweep after an outage may have many), then each
 * monitor's issue remembered. Nothing for a project being deleted (its monitors go with it).
 */
async function reportFailures(failures: MonitorFailure[], now: Date): Promise<void> {
  const target = { workspaceId: failures[0].workspaceId, projectId: failures[0].projectId };
  const rules = await loadGroupingRules(target.projectId);
  const outcome = await storeAndFanOut(target, failures.map((failure) => prepareEvent(monitorFailureEvent(failure), now, rules))).catch((error: unknown) => {
    if (isProjectGone(error)) return null;
    throw error;
  });
  if (!outcome) return;
  const groups = failures.map((failure, i) => ({ monitorId: failure.monitorId, groupId: outcome.results[i]?.groupId })).filter((g) => g.groupId);
  if (groups.length === 0) return;
  await pool().query(
    `UPDATE "CronMonitor" m SET "groupId" = x."groupId" FROM jsonb_to_recordset($1::jsonb) AS x("monitorId" uuid, "groupId" uuid)
     WHERE m.id = x."monitorId" AND m."groupId" IS DISTINCT FROM x."groupId"`,
    [JSON.stringify(groups)],
  );
}

/** Resolves the issue only while it is open (one statement: a concurrent triage change is never overwritten). */
const RESOLVE_RECOVERED_SQL = `
WITH prev AS (
  SELECT id, status, "workspaceId" FROM "ErrorGroup" WHERE id = $1 AND status IN ('new', 'acknowledged', 'investigating') FOR UPDATE
), upd AS (
  UPDATE "ErrorGroup" g SET status = 'resolved', "resolvedAt" = $2, "resolvedById" = NULL, "resolvedInNextRelease" = false, regressed = false, "updatedAt" = $2
  FROM prev WHERE g.id = prev.id RETURNING g.id
), audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
  SELECT $3::uuid, prev."workspaceId", NULL, 'system', 'error.resolved', 'error', prev.id::text,
    jsonb_build_object('status', prev.status), jsonb_build_object('status', 'resolved', 'reason', $4::text), $2
  FROM prev JOIN upd USING (id)
)
SELECT prev.status::text AS before FROM prev JOIN upd USING (id)`;

async function resolveRecoveredIssue(groupId: string, monitorSlug: string, now: Date): Promise<void> {
  const { rows } = await pool().query<{ before: "new" | "acknowledged" | "investigating" }>(RESOLVE_RECOVERED_SQL, [
    groupId,
    now,
    uuidv7(now.getTime()),
    `cron monitor ${monitorSlug} recovered`,
  ]);
  if (rows.length === 0) return;
  const updated = await db().errorGroup.findUnique({ where: { id: groupId } });
  if (updated) await onErrorStatusChanged({ status: rows[0].before }, updated, null);
}
