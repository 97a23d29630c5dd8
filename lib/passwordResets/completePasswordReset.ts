import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import { hashPassword } from "@/lib/auth/password";
import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findPasswordReset } from "@/lib/passwordResets/findPasswordReset";

/**
 * POST /api/v1/password-resets/:token {password}: sets the password, signs out every session of the
 * user, consumes the link (once, even under concurrency) and signs this browser in — after the
 * account's two-factor code, when it has one (a reset link replaces the password, not the phone).
 */
export async function completePasswordReset(token: string, password: string, client: ClientInfo): Promise<SignInResult> {
  const reset = await findPasswordReset(token);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    const consumed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (consumed.count === 0) throw new ApiError(410, "reset_used", "this reset link has already been used");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await recordAccountEvent(tx, { userId: reset.userId, actor: userActor(reset.userId), action: "user.password_reset", after: { via: reset.createdById ? "admin link" : "operator link" } });
  });
  return finishSignIn(reset.userId, client);
}
