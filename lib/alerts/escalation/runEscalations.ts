import { channelsFor } from "@/lib/alerts/channels/channelRouting";
import { dueEscalation } from "@/lib/alerts/escalation/escalationSchedule";
import { pool, withTransaction } from "@/lib/db/pool";
import type { AlertStatus, ChannelKind, EscalationStage, Severity } from "@/lib/generated/prisma/enums";

interface DueRow {
  id: string;
  workspaceId: string;
  projectId: string | null;
  severity: Severity;
  status: AlertStatus;
  stage: EscalationStage;
  firedAt: Date;
  escalateAfterSeconds: number | null;
  finalAfterSeconds: number | null;
}

interface ChannelRow {
  id: string;
  kind: ChannelKind;
  enabled: boolean;
  severities: Severity[];
  stages: EscalationStage[];
  projectIds: string[] | null;
}

/**
 * Escalates active (unacknowledged) alerts whose next stage is due at `now` (seed 004: critical
 * escalates after 15 min and goes final after 30 min), re-notifying the channels subscribed to each
 * stage passed. The stage moves with a compare-and-set in the same transaction as its deliveries and
 * history entry, so with several instances each stage is notified exactly once.
 */
export async function runEscalations(input: { now: Date; workspaceIds?: string[]; limit?: number }): Promise<{ escalated: number; deliveryIds: string[] }> {
  const { now } = input;
  const { rows } = await pool().query<DueRow>(
    `SELECT a.id, a."workspaceId", a."projectId", a.severity, a.status, a.stage, a."firedAt", a."escalateAfterSeconds", a."finalAfterSeconds"
     FROM "Alert" a
     LEFT JOIN "ErrorGroup" g ON g.id = a."errorGroupId"
     WHERE a.status = 'active' AND a."nextEscalationAt" <= $1::timestamptz
       AND ($2::uuid[] IS NULL OR a."workspaceId" = ANY($2::uuid[]))
       AND (g.id IS NULL OR g.status NOT IN ('resolved', 'ignored'))
     ORDER BY a."nextEscalationAt"
     LIMIT $3`,
    [now.toISOString(), input.workspaceIds ?? null, input.limit ?? 200],
  );
  if (rows.length === 0) return { escalated: 0, deliveryIds: [] };

  const workspaceIds = [...new Set(rows.map((r) => r.workspaceId))];
  const { rows: channels } = await pool().query<ChannelRow & { workspaceId: string }>(
    `SELECT id, "workspaceId", kind, enabled, severities::text[] AS severities, stages::text[] AS stages, "projectIds"::text[] AS "projectIds"
     FROM "NotificationChannel" WHERE "workspaceId" = ANY($1::uuid[]) AND enabled`,
    [workspaceIds],
  );

  let escalated = 0;
  const deliveryIds: string[] = [];
  for (const alert of rows) {
    const step = dueEscalation(alert, now);
    if (!step) continue;
    const workspaceChannels = channels.filter((c) => c.workspaceId === alert.workspaceId);
    const targets = step.stages.flatMap((stage) => channelsFor(workspaceChannels, alert.severity, stage, alert.projectId).map((c) => ({ channelId: c.id, stage })));
    const ids = await withTransaction(async (client) => {
      const moved = await client.query(
        `UPDATE "Alert" SET stage = $2::"EscalationStage", "nextEscalationAt" = $3::timestamptz, "escalatedAt" = $4::timestamptz, "updatedAt" = now()
         WHERE id = $1::uuid AND stage = $5::"EscalationStage" AND status = 'active'`,
        [alert.id, step.stage, step.nextEscalationAt?.toISOString() ?? null, now.toISOString(), alert.stage],
      );
      if (moved.rowCount === 0) return null;
      await client.query(
        `INSERT INTO "AlertEvent" (id, "alertId", action, "actorId", before, after)
         VALUES (gen_random_uuid(), $1::uuid, 'alert.escalated', NULL, jsonb_build_object('stage', $2::text), jsonb_build_object('stage', $3::text))`,
        [alert.id, alert.stage, step.stage],
      );
      const { rows: inserted } = await client.query<{ id: string }>(
        `INSERT INTO "Delivery" (id, "workspaceId", "alertId", "channelId", stage, status, attempts, "nextAttemptAt", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, $2::uuid, t."channelId", t.stage::"NotificationStage", 'pending', 0, $3::timestamptz, now()
         FROM jsonb_to_recordset($4::jsonb) AS t("channelId" uuid, stage text)
         ON CONFLICT ("alertId", "channelId", stage) DO NOTHING
         RETURNING id`,
        [alert.workspaceId, alert.id, now.toISOString(), JSON.stringify(targets)],
      );
      return inserted.map((r) => r.id);
    });
    if (ids === null) continue;
    escalated++;
    deliveryIds.push(...ids);
  }
  return { escalated, deliveryIds };
}
