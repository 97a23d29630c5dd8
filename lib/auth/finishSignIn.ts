import { linkSsoIdentity } from "@/lib/auth/oidc/linkSsoIdentity";
import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { createSession, type ClientInfo, type NewSession } from "@/lib/auth/session";
import { openSignInChallenge, type OpenChallenge } from "@/lib/auth/signInChallenge";
import { db } from "@/lib/db/prisma";

/** A sign-in's outcome: a session, or (two-factor accounts) a challenge waiting for a code. */
export type SignInResult = ({ kind: "session" } & NewSession) | ({ kind: "twoFactor" } & OpenChallenge);

/**
 * The end of every way in with a password or a one-time link (sign-in, password reset, invitation
 * to an existing account): a session, unless the account has two-factor sign-in on, in which case
 * the session waits for a code (POST /api/v1/auth/two-factor). `ssoLink`: a single sign-on identity
 * the password was entered to link (lib/auth/oidc/pendingLink.ts), linked with the session — or
 * kept with the challenge and linked once the code is right.
 */
export async function finishSignIn(userId: string, client: ClientInfo, ssoLink?: SsoSubject): Promise<SignInResult> {
  const twoFactor = await db().twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (twoFactor?.enabledAt) return { kind: "twoFactor", ...(await openSignInChallenge(userId, { ssoLink })) };
  if (ssoLink) await linkSsoIdentity(userId, ssoLink);
  return { kind: "session", ...(await createSession(userId, client)) };
}
