import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import type { ChangePasswordInput } from "@/lib/account/accountSchemas";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { beginLoginAttempt, loginFailed, loginSucceeded, throttleKeys } from "@/lib/auth/loginThrottle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertSignedInSession } from "@/lib/auth/permissions";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * POST /api/v1/account/password {currentPassword, newPassword}. The current password is checked
 * under the sign-in limits (a stolen session must not be a way to guess it); every other session
 * of the user is signed out.
 */
export async function changePassword(auth: AuthContext, input: ChangePasswordInput, client: ClientInfo): Promise<{ otherSessionsSignedOut: number }> {
  assertSignedInSession(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId } });
  const attempt = await beginLoginAttempt(throttleKeys(user.email, client.address));
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await loginFailed();
    throw ApiError.validation("currentPassword: is not your current password", [{ path: "currentPassword", message: "is not your current password" }]);
  }
  await loginSucceeded(attempt);
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, ...(auth.sessionId && { id: { not: auth.sessionId } }) } });
    await recordAccountEvent(tx, { userId: user.id, actor: userActor(user.id), action: "user.password_changed", after: { otherSessionsSignedOut: count } });
    return { otherSessionsSignedOut: count };
  });
}
