import { FOLLOW_UP_KINDS } from "@/lib/alerts/channels/channelRouting";
import { statusesBefore } from "@/lib/alerts/lifecycle/planTransition";
import type { AlertAction } from "@/lib/domain/alertStatus";
import { pool } from "@/lib/db/pool";
import type { AlertStatus } from "@/lib/generated/prisma/enums";

export interface TransitionResult {
  changed: { id: string; workspaceId: string; from: AlertStatus }[];
  /** Acknowledgement / resolution notices for PagerDuty and webhook channels that were notified. */
  deliveryIds: string[];
}

/**
 * Moves alerts to acknowledged or resolved in ONE statement: a compare-and-set on the allowed
 * previous statuses (so concurrent moves cannot double-apply), a history entry per alert (actor: the
 * user, or null for the system) plus a workspace audit entry when a user did it, and follow-up
 * deliveries to the state-tracking channels
 * that were told about the alert. Acknowledging stops escalation; resolving frees the rule and group
 * for a new alert (dedupKey cleared).
 */
const TRANSITION_SQL = `
WITH old AS (
  SELECT id, status FROM "Alert"
  WHERE id = ANY($1::uuid[]) AND status = ANY($2::"AlertStatus"[])
  ORDER BY id
  FOR UPDATE
), upd AS (
  UPDATE "Alert" a SET
    status = $3::text::"AlertStatus",
    "acknowledgedAt" = CASE WHEN $3::text = 'acknowledged' THEN $4::timestamptz ELSE a."acknowledgedAt" END,
    "acknowledgedById" = CASE WHEN $3::text = 'acknowledged' THEN $5::uuid ELSE a."acknowledgedById" END,
    "resolvedAt" = CASE WHEN $3::text = 'resolved' THEN $4::timestamptz ELSE a."resolvedAt" END,
    "resolvedById" = CASE WHEN $3::text = 'resolved' THEN $5::uuid ELSE a."resolvedById" END,
    resolution = CASE WHEN $3::text = 'resolved' THEN $6::text ELSE a.resolution END,
    "dedupKey" = CASE WHEN $3::text = 'resolved' THEN NULL ELSE a."dedupKey" END,
    "nextEscalationAt" = NULL,
    "updatedAt" = now()
  FROM old WHERE a.id = old.id
  RETURNING a.id, a."workspaceId", old.status AS "from"
), history AS (
  INSERT INTO "AlertEvent" (id, "alertId", action, "actorId", before, after)
  SELECT gen_random_uuid(), u.id, 'alert.' || $3::text, $5::uuid, jsonb_build_object('status', u."from"),
    jsonb_strip_nulls(jsonb_build_object('status', $3::text, 'resolution', $6::text))
  FROM upd u
), audit AS (
  -- What users do is also in the workspace audit log; system moves only in the alert's history.
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
  SELECT gen_random_uuid(), u."workspaceId", $5::uuid, 'user', 'alert.' || $3::text, 'alert', u.id::text,
    jsonb_build_object('status', u."from"), jsonb_strip_nulls(jsonb_build_object('status', $3::text, 'resolution', $6::text))
  FROM upd u
  WHERE $5::uuid IS NOT NULL
), follow AS (
  INSERT INTO "Delivery" (id, "workspaceId", "alertId", "channelId", stage, status, attempts, "nextAttemptAt", "updatedAt")
  SELECT gen_random_uuid(), u."workspaceId", u.id, c.id, $3::text::"NotificationStage", 'pending', 0, $4::timestamptz, now()
  FROM upd u
  JOIN "NotificationChannel" c ON c."workspaceId" = u."workspaceId" AND c.enabled AND c.kind::text = ANY($7::text[])
  WHERE EXISTS (SELECT 1 FROM "Delivery" d WHERE d."alertId" = u.id AND d."channelId" = c.id AND d.stage IN ('initial', 'escalate', 'final'))
  ON CONFLICT ("alertId", "channelId", stage) DO NOTHING
  RETURNING id
)
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', id, 'workspaceId', "workspaceId", 'from', "from")), '[]') FROM upd) AS changed,
  (SELECT coalesce(json_agg(id), '[]') FROM follow) AS "deliveryIds"`;

export async function transitionAlerts(input: {
  ids: string[];
  to: AlertAction;
  actorId: string | null;
  resolution?: string | null;
  now: Date;
}): Promise<TransitionResult> {
  if (input.ids.length === 0) return { changed: [], deliveryIds: [] };
  const { rows } = await pool().query<TransitionResult>(TRANSITION_SQL, [
    input.ids,
    statusesBefore(input.to),
    input.to,
    input.now.toISOString(),
    input.actorId,
    input.to === "resolved" ? (input.resolution ?? null) : null,
    FOLLOW_UP_KINDS,
  ]);
  return rows[0];
}
