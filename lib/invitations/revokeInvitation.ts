import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** DELETE /api/v1/workspaces/:id/invitations/:invitationId (admins): the link stops working (410). */
export async function revokeInvitation(auth: AuthContext, workspaceId: string, invitationId: string) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  const invitation = await db().invitation.findFirst({ where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null } });
  if (!invitation) throw ApiError.notFound("invitation not found");
  await db().$transaction([
    db().invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } }),
    db().auditLog.create({
      data: auditRow({ workspaceId, actor: userActor(auth.userId), action: "invitation.revoked", targetType: "invitation", targetId: invitationId, before: { email: invitation.email, role: invitation.role } }),
    }),
  ]);
}
