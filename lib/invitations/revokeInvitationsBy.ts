import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "invitation">;

/**
 * An admin who leaves, is removed or loses the admin role takes their pending invitations with them:
 * a link they sent (perhaps to themselves, with the admin role) would otherwise let them back in
 * after they were shut out. Returns how many were withdrawn, for the audit row.
 */
export async function revokeInvitationsBy(tx: Tx, workspaceId: string, userId: string): Promise<number> {
  const { count } = await tx.invitation.updateMany({
    where: { workspaceId, invitedById: userId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}
