import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The condition of an invitation that can still be accepted: not used, withdrawn or expired. */
export function pendingInvitation(): Prisma.InvitationWhereInput {
  return { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } };
}

/** Pending invitations to `email`, oldest first. */
export function pendingInvitationsTo(email: string, tx: Prisma.TransactionClient = db()) {
  return tx.invitation.findMany({
    where: { email, ...pendingInvitation() },
    select: { id: true, workspaceId: true, email: true, role: true },
    orderBy: { createdAt: "asc" },
  });
}
