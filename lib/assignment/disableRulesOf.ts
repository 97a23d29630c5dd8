import type { AuditActor } from "@/lib/audit/auditRow";
import type { UnassignReason } from "@/lib/assignment/unassignReasons";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

const DISABLE_SQL = `WITH upd AS (
  UPDATE "AssignmentRule" SET enabled = false, "updatedAt" = now()
   WHERE "workspaceId" = $1::uuid AND "assigneeUserId" = $2::uuid AND enabled
  RETURNING id, "workspaceId"
), audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
  SELECT gen_random_uuid(), "workspaceId", $3::uuid, $4, 'assignment_rule.updated', 'assignment_rule', id::text,
         '{"enabled": true}'::jsonb, jsonb_build_object('enabled', false, 'reason', $5::text), now()
    FROM upd
)
SELECT count(*)::int AS n FROM upd`;

/**
 * Inside a transaction: turns off the workspace's enabled assignment rules that assign to `userId`
 * (who can no longer be assigned there), each audited as `assignment_rule.updated` with the reason.
 * Returns how many it turned off.
 */
export async function disableRulesOf(tx: Tx, workspaceId: string, userId: string, actor: AuditActor, reason: UnassignReason): Promise<number> {
  const actorId = actor.type === "user" ? actor.userId : null;
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(DISABLE_SQL, workspaceId, userId, actorId, actor.type, reason);
  return rows[0]?.n ?? 0;
}
