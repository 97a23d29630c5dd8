import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import { hashPassword } from "@/lib/auth/password";
import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { assertResetStillApplies, findPasswordReset } from "@/lib/passwordResets/findPasswordReset";

/**
 * POST /api/v1/password-resets/:token {password}: sets the password, signs out every session of the
 * user and revokes their API tokens (a reset recovers an account that may have been taken over, and
 * a token minted by whoever had it would outlive the new password) and unlinks single sign-on (the
 * next one asks for the new password once), consumes the link (once, even under concurrency) and signs this browser in — after the
 * account's two-factor code, when it has one (a reset link replaces the password, not the phone).
 * Other pending links of the account stop working.
 * An admin's link is refused (410) once the admin no longer administers every workspace of the person.
 */
export async function completePasswordReset(token: string, password: string, client: ClientInfo): Promise<SignInResult> {
  const reset = await findPasswordReset(token);
  const passwordHash = await hashPassword(password);
  await db().$transaction(async (tx) => {
    await assertResetStillApplies(tx, reset);
    const consumed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (consumed.count === 0) throw new ApiError(410, "reset_used", "this reset link has already been used");
    // Any other pending link of the account goes too (an emailed one may sit beside an admin's): one reset per asking.
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null, id: { not: reset.id } }, data: { expiresAt: new Date() } });
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId: reset.userId } });
    // Single sign-on links too: whoever set the password must give it at the next single sign-on, so
    // a password someone else set (an admin of every workspace of the account) does not go unnoticed.
    const identities = await tx.ssoIdentity.deleteMany({ where: { userId: reset.userId } });
    await recordAccountEvent(tx, {
      userId: reset.userId,
      actor: userActor(reset.userId),
      action: "user.password_reset",
      after: { via: reset.createdById ? "admin link" : reset.emailed ? "emailed link" : "operator link", apiTokensRevoked: tokens.count, ...(identities.count > 0 && { singleSignOnUnlinked: identities.count }) },
    });
  });
  return finishSignIn(reset.userId, client);
}
