import { forgetMembersTarget } from "@/lib/alerts/channels/forgetMembersTarget";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { revokeInvitationsBy } from "@/lib/invitations/revokeInvitationsBy";
import { findMembership } from "@/lib/memberships/findMembership";
import { assertNotLastAdmin } from "@/lib/memberships/lockWorkspaceAdmins";

/**
 * DELETE /api/v1/memberships/:id: an admin removes a member, or anyone leaves (their own membership).
 * The last admin can neither be removed nor leave (409). The person's teams in the workspace, their
 * open assignments there, their place in its members channels and the invitations they sent that
 * are still pending are cleared with it.
 */
export async function removeMembership(auth: AuthContext, membershipId: string) {
  assertUser(auth);
  const found = await findMembership(auth, membershipId);
  const leaving = found.userId === auth.userId;
  if (!leaving) assertCanAdminister(auth, found.workspaceId);
  await db().$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!current) return;
    if (current.role === "admin") await assertNotLastAdmin(tx, current.workspaceId, current.userId);
    await tx.membership.delete({ where: { id: membershipId } });
    await tx.teamMember.deleteMany({ where: { userId: current.userId, team: { workspaceId: current.workspaceId } } });
    await forgetMembersTarget(tx, current.workspaceId, { userId: current.userId });
    const invitationsRevoked = await revokeInvitationsBy(tx, current.workspaceId, current.userId);
    await tx.errorGroup.updateMany({
      where: { workspaceId: current.workspaceId, assigneeId: current.userId, status: { notIn: ["resolved", "ignored"] } },
      data: { assigneeId: null },
    });
    await tx.auditLog.create({
      data: auditRow({ workspaceId: current.workspaceId, actor: userActor(auth.userId), action: leaving ? "member.left" : "member.removed", targetType: "membership", targetId: membershipId, before: { userId: current.userId, email: found.user.email, role: current.role }, after: { invitationsRevoked } }),
    });
  });
}
