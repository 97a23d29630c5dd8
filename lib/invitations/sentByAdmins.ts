import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Of these invitations, the ones whose sender still administers the workspace (or that no person
 * sent: the CLI's). An admin who was removed, left or was demoted takes their links with them — those
 * sent before that rule existed too (one query for the lot).
 */
export async function sentByAdmins<T extends { workspaceId: string; invitedById: string | null }>(invitations: T[], tx: Prisma.TransactionClient = db()): Promise<T[]> {
  const senders = invitations.flatMap((i) => (i.invitedById ? [{ userId: i.invitedById, workspaceId: i.workspaceId, role: "admin" as const }] : []));
  if (senders.length === 0) return invitations;
  const admins = await tx.membership.findMany({ where: { OR: senders }, select: { userId: true, workspaceId: true } });
  const stillAdmin = new Set(admins.map((m) => `${m.userId}/${m.workspaceId}`));
  return invitations.filter((i) => i.invitedById === null || stillAdmin.has(`${i.invitedById}/${i.workspaceId}`));
}
