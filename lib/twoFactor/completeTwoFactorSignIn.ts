import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import { linkSsoIdentity } from "@/lib/auth/oidc/linkSsoIdentity";
import { beginLoginAttempt, loginFailed, loginSucceeded, throttleKeys } from "@/lib/auth/loginThrottle";
import { createSession, isSessionTokenShape, type ClientInfo, type NewSession } from "@/lib/auth/session";
import { CHALLENGE_MAX_ATTEMPTS } from "@/lib/auth/signInChallenge";
import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { consumeSecondFactor } from "@/lib/twoFactor/consumeSecondFactor";
import type { Role } from "@/lib/generated/prisma/enums";
import { joinAfterSecondFactor } from "@/lib/invitations/joinAfterSecondFactor";

const EXPIRED = "this sign-in has expired: enter your email and password again";

/**
 * POST /api/v1/auth/two-factor {code}: the second step of a sign-in. The challenge (from the
 * cookie) must be open; the code is checked under the same per-account and per-address limits as
 * passwords, and a challenge takes CHALLENGE_MAX_ATTEMPTS wrong codes before it is dropped. A good
 * code ends the challenge (once, even under concurrency) and opens the session — and links the
 * single sign-on identity the password was entered to link, and accepts the invitation it was entered
 * to accept, if any (never before the code; `joined` names the workspace then, null when the
 * invitation was used, withdrawn or expired meanwhile).
 */
export async function completeTwoFactorSignIn(
  token: string | undefined,
  code: string,
  client: ClientInfo,
): Promise<NewSession & { recoveryCodesLeft?: number; joined?: { workspaceId: string; role: Role } | null }> {
  if (!token || !isSessionTokenShape(token)) throw new ApiError(401, "sign_in_expired", EXPIRED);
  const id = sha256Hex(token);
  const challenge = await db().signInChallenge.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
  if (!challenge || challenge.expiresAt.getTime() <= Date.now() || challenge.attempts >= CHALLENGE_MAX_ATTEMPTS) throw new ApiError(401, "sign_in_expired", EXPIRED);
  const attempt = await beginLoginAttempt(throttleKeys(challenge.user.email, client.address));
  const factor = await consumeSecondFactor(challenge.userId, code);
  if (!factor) {
    await loginFailed();
    const after = await db().signInChallenge.update({ where: { id }, data: { attempts: { increment: 1 } } }).catch(() => null);
    const left = after ? CHALLENGE_MAX_ATTEMPTS - after.attempts : 0;
    if (left <= 0) {
      await db().signInChallenge.deleteMany({ where: { id } });
      throw new ApiError(401, "sign_in_expired", `too many wrong codes: ${EXPIRED}`);
    }
    throw new ApiError(401, "invalid_code", "that code is not valid (or was already used)", { field: "code", attemptsLeft: left });
  }
  const { count } = await db().signInChallenge.deleteMany({ where: { id, expiresAt: { gt: new Date() } } });
  if (count !== 1) throw new ApiError(401, "sign_in_expired", EXPIRED);
  await loginSucceeded(attempt);
  if (factor.method === "recovery_code") {
    await db().$transaction((tx) =>
      recordAccountEvent(tx, { userId: challenge.userId, actor: userActor(challenge.userId), action: "user.recovery_code_used", after: { recoveryCodesLeft: factor.recoveryCodesLeft } }),
    );
  }
  if (challenge.ssoIssuer && challenge.ssoSubject) await linkSsoIdentity(challenge.userId, { issuer: challenge.ssoIssuer, subject: challenge.ssoSubject });
  const joined = challenge.invitationId ? { joined: await joinAfterSecondFactor(challenge.invitationId, { id: challenge.userId, email: challenge.user.email }) } : {};
  const session = { ...(await createSession(challenge.userId, client)), ...joined };
  return factor.method === "recovery_code" ? { ...session, recoveryCodesLeft: factor.recoveryCodesLeft } : session;
}
