import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { invitationStatus } from "@/lib/invitations/invitationStatus";

/** GET /api/v1/workspaces/:id/invitations (admins): invitations not accepted or withdrawn, expired ones flagged. */
export async function listInvitations(auth: AuthContext, workspaceId: string) {
  assertCanAdminister(auth, workspaceId);
  const rows = await db().invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const inviterIds = [...new Set(rows.map((r) => r.invitedById).filter((id): id is string => Boolean(id)))];
  const inviters = new Map((await db().user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      status: invitationStatus(r),
      invitedBy: r.invitedById ? inviters.get(r.invitedById) ?? null : null,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    })),
  };
}

export type InvitationList = Awaited<ReturnType<typeof listInvitations>>;
