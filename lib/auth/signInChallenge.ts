import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { cookieSecureFlag } from "@/lib/auth/session";
import { randomToken, sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";

/** The HTTP-only cookie holding a sign-in that waits for its second factor. */
export const CHALLENGE_COOKIE = "faultline_2fa";
/** How long a code may be entered after the password (then the password is asked again). */
export const CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes a challenge takes before it is dropped (each also counts against the sign-in limits). */
export const CHALLENGE_MAX_ATTEMPTS = 5;

export interface OpenChallenge {
  token: string;
  expiresAt: Date;
  userId: string;
}

/** Opens the second step of a sign-in whose first factor (password, reset link, invitation) held; with the single sign-on identity to link once the code is right. */
export async function openSignInChallenge(userId: string, ssoLink?: SsoSubject): Promise<OpenChallenge> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  await db().signInChallenge.create({ data: { id: sha256Hex(token), userId, expiresAt, ssoIssuer: ssoLink?.issuer, ssoSubject: ssoLink?.subject } });
  return { token, expiresAt, userId };
}

export function challengeCookie(req: Request, token: string, expiresAt: Date): string {
  return `${CHALLENGE_COOKIE}=${token}; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${cookieSecureFlag(req)}`;
}

export function clearedChallengeCookie(req: Request): string {
  return `${CHALLENGE_COOKIE}=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0${cookieSecureFlag(req)}`;
}
