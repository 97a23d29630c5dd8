import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sentByAdmins } from "@/lib/invitations/sentByAdmins";

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
  return (await sentByAdmins(invitations, tx)).map(({ id, workspaceId, email: to, role }) => ({ id, workspaceId, email: to, role }));
}
