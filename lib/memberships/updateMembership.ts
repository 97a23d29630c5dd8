import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSessionFor, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { applyRoleChange } from "@/lib/memberships/applyRoleChange";
import { findMembership } from "@/lib/memberships/findMembership";
import { assertNotLastAdmin } from "@/lib/memberships/lockWorkspaceAdmins";
import type { UpdateMembershipInput } from "@/lib/memberships/membershipSchemas";

/**
 * PATCH /api/v1/memberships/:id {role} (admins). The last admin cannot be demoted (409); what the
 * change takes away (a demoted admin's invitations; a new viewer's issues and rules) is
 * applyRoleChange's, shared with the admin CLI. Making someone admin or an admin something else
 * needs a signed-in session (403 `session_required` naming `role` with an API token): a leaked
 * token must neither promote an account it controls to an admin that outlives it nor demote the
 * real admins.
 */
export async function updateMembership(auth: AuthContext, membershipId: string, input: UpdateMembershipInput) {
  assertUser(auth);
  const found = await findMembership(auth, membershipId);
  assertCanAdminister(auth, found.workspaceId);
  const updated = await db().$transaction(async (tx) => {
    const current = await tx.membership.findUniqueOrThrow({ where: { id: membershipId } });
    if (current.role === input.role) return current;
    if (current.role === "admin" || input.role === "admin") {
      assertSessionFor(auth, "role", `${current.role === "admin" ? "taking the admin role away" : "making someone admin"} needs a signed-in session, not an API token: sign in and change it in Settings → Workspace & members`);
    }
    if (current.role === "admin") await assertNotLastAdmin(tx, current.workspaceId, current.userId);
    const next = await tx.membership.update({ where: { id: membershipId }, data: { role: input.role } });
    const actor = userActor(auth.userId);
    const { invitationsRevoked, issuesUnassigned, rulesDisabled } = await applyRoleChange(
      tx,
      { workspaceId: current.workspaceId, userId: current.userId, from: current.role, to: input.role },
      actor,
    );
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
