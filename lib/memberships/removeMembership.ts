import { forgetMembersTarget } from "@/lib/alerts/channels/forgetMembersTarget";
import { disableRulesOf } from "@/lib/assignment/disableRulesOf";
import { unassignPeople } from "@/lib/assignment/unassignPeople";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSessionFor, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { revokeInvitationsBy } from "@/lib/invitations/revokeInvitationsBy";
import { findMembership } from "@/lib/memberships/findMembership";
import { assertNotLastAdmin } from "@/lib/memberships/lockWorkspaceAdmins";

/**
 * DELETE /api/v1/memberships/:id: an admin removes a member, or anyone leaves (their own membership).
 * The last admin can neither be removed nor leave (409). With it go: the person's teams in the
 * workspace; their assignments there, whatever the issue's status (a resolved issue that regresses
 * must not come back to someone gone), each issue audited as unassigned by the remover (the leaver);
 * their assignment rules, turned off (audited); their place in its members channels; the invitations
 * they sent that are still pending; and the notification emails of the workspace still waiting to go
 * to them. One statement per kind, however many issues. An admin's membership — removed, or their
 * own left — goes only from a signed-in session (403 `session_required` with an API token): a leaked
 * token must not remove the workspace's admins, nor make its owner leave.
 */
export async function removeMembership(auth: AuthContext, membershipId: string) {
  assertUser(auth);
  const found = await findMembership(auth, membershipId);
  const leaving = found.userId === auth.userId;
  if (!leaving) assertCanAdminister(auth, found.workspaceId);
  const actor = userActor(auth.userId);
  const reason = leaving ? "member_left" : "member_removed";
  await db().$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!current) return;
    const { workspaceId, userId } = current;
    if (current.role === "admin") {
      assertSessionFor(auth, "id", `${leaving ? "leaving as an admin" : "removing an admin"} needs a signed-in session, not an API token: sign in and do it in Settings → Workspace & members`);
      await assertNotLastAdmin(tx, workspaceId, userId);
    }
    await tx.membership.delete({ where: { id: membershipId } });
    await tx.teamMember.deleteMany({ where: { userId, team: { workspaceId } } });
    await forgetMembersTarget(tx, workspaceId, { userId });
    const invitationsRevoked = await revokeInvitationsBy(tx, workspaceId, userId);
    const issuesUnassigned = await unassignPeople(tx, { workspaceId, userIds: [userId] }, actor, reason);
    const rulesDisabled = await disableRulesOf(tx, workspaceId, userId, actor, reason);
    await tx.userNotification.updateMany({ where: { userId, workspaceId, emailState: "pending" }, data: { emailState: "expired" } });
    await tx.auditLog.create({
      data: auditRow({
        workspaceId,
        actor,
        action: leaving ? "member.left" : "member.removed",
        targetType: "membership",
        targetId: membershipId,
        before: { userId, email: found.user.email, role: current.role },
        after: { invitationsRevoked, issuesUnassigned, rulesDisabled },
      }),
    });
  });
}
