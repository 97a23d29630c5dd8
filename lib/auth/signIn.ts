import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import type { PendingLink } from "@/lib/auth/oidc/pendingLink";
import { beginLoginAttempt, loginFailed, loginSucceeded, throttleKeys, withdrawLoginAttempt } from "@/lib/auth/loginThrottle";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { isSessionTokenShape, type ClientInfo } from "@/lib/auth/session";
import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";

/**
 * Checks email + password and opens a session, or a two-factor challenge (lib/auth/finishSignIn.ts).
 * Limited per account and per client address (loginThrottle); an unknown email is checked against a
 * dummy hash with today's parameters, so it costs the same time and counts the same as a known one.
 * A hash made with weaker parameters is upgraded now that the password is known. The session id is
 * rotated: a fresh random token every time, and the session the request came with (if any) is
 * deleted, so a token planted in the browser before login (session fixation) never becomes valid.
 * `link`: a pending single sign-on link (lib/auth/oidc/pendingLink.ts); it is made when this is the
 * account it names — with the session, or after the code — and ignored for any other account.
 */
export async function signIn(email: string, password: string, client: ClientInfo, previousToken?: string, link?: PendingLink | null): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const attempt = await beginLoginAttempt(throttleKeys(normalized, client.address));
  const user = await db().user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await loginFailed();
    throw new ApiError(401, "invalid_credentials", "email or password is incorrect");
  }
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(password);
    await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    logger.info("password hash upgraded", { userId: user.id });
  }
  if (previousToken && isSessionTokenShape(previousToken)) await db().session.deleteMany({ where: { id: sha256Hex(previousToken) } });
  const ssoLink = link && link.userId === user.id ? { issuer: link.issuer, subject: link.subject } : undefined;
  const result = await finishSignIn(user.id, client, ssoLink);
  // The account's failures are cleared only by a finished sign-in: with two-factor on, by the code.
  await (result.kind === "session" ? loginSucceeded(attempt) : withdrawLoginAttempt(attempt));
  return result;
}
