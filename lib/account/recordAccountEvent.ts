import { auditRow, type AuditActor } from "@/lib/audit/auditRow";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Account changes (password, sessions, name) concern no single workspace: they are recorded in every
 * workspace the user belongs to (but one being deleted), so each workspace's admins see them on its activity page.
 */
export async function recordAccountEvent(
  tx: Prisma.TransactionClient,
  input: { userId: string; actor: AuditActor; action: string; after?: Record<string, unknown>; before?: Record<string, unknown> },
): Promise<void> {
  // Not in a workspace being deleted: no one reads its activity any more, and its rows are going.
  const memberships = await tx.membership.findMany({ where: { userId: input.userId, workspace: { deletingAt: null } }, select: { workspaceId: true } });
  if (memberships.length === 0) return;
  await tx.auditLog.createMany({
    data: memberships.map((m) =>
      auditRow({ workspaceId: m.workspaceId, actor: input.actor, action: input.action, targetType: "user", targetId: input.userId, before: input.before, after: input.after }),
    ),
  });
}
