import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import type { ChangePasswordInput } from "@/lib/account/accountSchemas";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { confirmPassword } from "@/lib/auth/confirmPassword";
import { hashPassword } from "@/lib/auth/password";
import { assertSignedInSession } from "@/lib/auth/permissions";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/**
 * POST /api/v1/account/password {currentPassword, newPassword}. The current password is checked
 * under the sign-in limits (a stolen session must not be a way to guess it); every other session
 * of the user is signed out.
 */
export async function changePassword(auth: AuthContext, input: ChangePasswordInput, client: ClientInfo): Promise<{ otherSessionsSignedOut: number }> {
  assertSignedInSession(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId } });
  await confirmPassword(user, input.currentPassword, client, "currentPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, ...(auth.sessionId && { id: { not: auth.sessionId } }) } });
    await recordAccountEvent(tx, { userId: user.id, actor: userActor(user.id), action: "user.password_changed", after: { otherSessionsSignedOut: count } });
    return { otherSessionsSignedOut: count };
  });
}
