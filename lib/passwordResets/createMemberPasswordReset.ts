import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSignedInSession, canAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findMembership } from "@/lib/memberships/findMembership";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";

/**
 * POST /api/v1/memberships/:id/password-reset (admins, signed in: not with an API token): a one-time
 * reset link for a member, to pass on. Only for people whose every workspace the admin also
 * administers: an admin of one workspace must not be able to take over an account that has access
 * elsewhere (403; checked again when the link is used). Never for oneself: a stolen session or token
 * would otherwise replace the password without the current one (Your account → Password asks for it).
 */
export async function createMemberPasswordReset(auth: AuthContext, membershipId: string, origin: string) {
  assertSignedInSession(auth);
  const membership = await findMembership(auth, membershipId);
  assertCanAdminister(auth, membership.workspaceId);
  if (membership.userId === auth.userId) throw ApiError.forbidden("change your own password under Your account → Password (it asks for the current one)");
  const theirs = await db().membership.findMany({ where: { userId: membership.userId, workspace: { deletingAt: null } }, select: { workspaceId: true } });
  if (!theirs.every((m) => canAdminister(auth, m.workspaceId))) {
    // Said the same way whatever the reason, so the answer tells nothing of the person's other workspaces.
    throw ApiError.forbidden("you cannot make a reset link for this person: an operator can (npm run faultline -- user:reset-password)");
  }
  const link = await createPasswordReset({ userId: membership.userId, createdById: auth.userId, origin });
  await db().auditLog.create({
    data: auditRow({ workspaceId: membership.workspaceId, actor: userActor(auth.userId), action: "user.password_reset_link_created", targetType: "user", targetId: membership.userId, after: { email: membership.user.email } }),
  });
  return link;
}
