import { disableRulesOf } from "@/lib/assignment/disableRulesOf";
import { unassignPeople } from "@/lib/assignment/unassignPeople";
import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { revokeInvitationsBy } from "@/lib/invitations/revokeInvitationsBy";
import { findMembership } from "@/lib/memberships/findMembership";
import { assertNotLastAdmin } from "@/lib/memberships/lockWorkspaceAdmins";
import type { UpdateMembershipInput } from "@/lib/memberships/membershipSchemas";

/**
 * PATCH /api/v1/memberships/:id {role} (admins). The last admin cannot be demoted (409); a demoted
 * admin's pending invitations are withdrawn (only admins may invite). Someone made a viewer can no
 * longer triage, so is no assignee either: they are taken off the workspace's issues (each audited)
 * and their assignment rules are turned off (audited), as when they are removed.
 */
export async function updateMembership(auth: AuthContext, membershipId: string, input: UpdateMembershipInput) {
  assertUser(auth);
  const found = await findMembership(auth, membershipId);
  assertCanAdminister(auth, found.workspaceId);
  const updated = await db().$transaction(async (tx) => {
    const current = await tx.membership.findUniqueOrThrow({ where: { id: membershipId } });
    if (current.role === input.role) return current;
    if (current.role === "admin") await assertNotLastAdmin(tx, current.workspaceId, current.userId);
    const next = await tx.membership.update({ where: { id: membershipId }, data: { role: input.role } });
    const invitationsRevoked = current.role === "admin" ? await revokeInvitationsBy(tx, current.workspaceId, current.userId) : 0;
    const actor = userActor(auth.userId);
    const toViewer = input.role === "viewer";
    const issuesUnassigned = toViewer ? await unassignPeople(tx, { workspaceId: current.workspaceId, userIds: [current.userId] }, actor, "became_viewer") : 0;
    const rulesDisabled = toViewer ? await disableRulesOf(tx, current.workspaceId, current.userId, actor, "became_viewer") : 0;
    await tx.auditLog.create({
      data: auditRow({
        workspaceId: current.workspaceId,
        actor,
        action: "member.role_changed",
        targetType: "membership",
        targetId: membershipId,
        before: { userId: current.userId, email: found.user.email, role: current.role },
        after: { role: input.role, ...(invitationsRevoked ? { invitationsRevoked } : {}), ...(issuesUnassigned ? { issuesUnassigned } : {}), ...(rulesDisabled ? { rulesDisabled } : {}) },
      }),
    });
    return next;
  });
  return { membershipId: updated.id, userId: updated.userId, workspaceId: updated.workspaceId, role: updated.role };
}
