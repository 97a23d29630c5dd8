import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The condition of an invitation that can still be accepted: not used, withdrawn or expired. */
export function pendingInvitation(): Prisma.InvitationWhereInput {
  return { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } };
}

/**
 * Pending invitations to `email`, oldest first — of those whose sender still administers the
 * workspace (as findInvitationByToken requires of a link).
 */
export async function pendingInvitationsTo(email: string, tx: Prisma.TransactionClient = db()) {
  const invitations = await tx.invitation.findMany({
    where: { email, ...pendingInvitation() },
    select: { id: true, workspaceId: true, email: true, role: true, invitedById: true },
    orderBy: { createdAt: "asc" },
  });
  const senders = invitations.flatMap((i) => (i.invitedById ? [{ userId: i.invitedById, workspaceId: i.workspaceId, role: "admin" as const }] : []));
  const admins = senders.length === 0 ? [] : await tx.membership.findMany({ where: { OR: senders }, select: { userId: true, workspaceId: true } });
  const stillAdmin = new Set(admins.map((m) => `${m.userId}/${m.workspaceId}`));
  return invitations
    .filter((i) => i.invitedById === null || stillAdmin.has(`${i.invitedById}/${i.workspaceId}`))
    .map(({ id, workspaceId, email: to, role }) => ({ id, workspaceId, email: to, role }));
}
