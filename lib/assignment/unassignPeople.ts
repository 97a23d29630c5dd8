import type { AuditActor } from "@/lib/audit/auditRow";
import type { UnassignReason } from "@/lib/assignment/unassignReasons";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

// One statement however many issues: the rows are locked in id order (as a bulk change locks them),
// the person cleared (the team kept) and each issue's audit entry written from the same rows.
const UNASSIGN_SQL = `WITH target AS (
  SELECT id, "assigneeId" FROM "ErrorGroup"
   WHERE "workspaceId" = $1::uuid AND "assigneeId" = ANY($2::uuid[]) AND ($3::uuid IS NULL OR "assigneeTeamId" = $3::uuid)
   ORDER BY id FOR UPDATE
), upd AS (
  UPDATE "ErrorGroup" g SET "assigneeId" = NULL, "updatedAt" = now()
    FROM target t WHERE g.id = t.id
  RETURNING g.id, g."workspaceId", t."assigneeId" AS "beforeAssignee"
), audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
  SELECT gen_random_uuid(), "workspaceId", $4::uuid, $5, 'error.updated', 'error', id::text,
         jsonb_build_object('assigneeId', "beforeAssignee"), jsonb_build_object('assigneeId', NULL, 'reason', $6::text), now()
    FROM upd
)
SELECT count(*)::int AS n FROM upd`;

/**
 * Inside a transaction: takes `userIds` off the workspace's issues whatever their status — only
 * those assigned to `teamId` when given (the people left that team) — keeping the issues' team,
 * with one `error.updated` audit entry per issue (`after: {assigneeId: null, reason}`), by `actor`.
 * Returns how many issues it changed.
 */
export async function unassignPeople(
  tx: Tx,
  scope: { workspaceId: string; userIds: string[]; teamId?: string },
  actor: AuditActor,
  reason: UnassignReason,
): Promise<number> {
  if (scope.userIds.length === 0) return 0;
  const actorId = actor.type === "user" ? actor.userId : null;
  const rows = await tx.$queryRawUnsafe<{ n: number }[]>(UNASSIGN_SQL, scope.workspaceId, scope.userIds, scope.teamId ?? null, actorId, actor.type, reason);
  return rows[0]?.n ?? 0;
}
