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

/** What waits on a challenge for the code: done by completeTwoFactorSignIn once it is right, never before. */
export interface ChallengeCarry {
  /** A single sign-on identity to link (the password was entered to link it). */
  ssoLink?: SsoSubject;
  /** An invitation to accept (the password was entered to accept it): the account joins only after the code. */
  invitationId?: string;
}

/** Opens the second step of a sign-in whose first factor (password, reset link, invitation) held; with what to do once the code is right. */
export async function openSignInChallenge(userId: string, carry: ChallengeCarry = {}): Promise<OpenChallenge> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  await db().signInChallenge.create({
    data: { id: sha256Hex(token), userId, expiresAt, ssoIssuer: carry.ssoLink?.issuer, ssoSubject: carry.ssoLink?.subject, invitationId: carry.invitationId },
  });
  return { token, expiresAt, userId };
}

export function challengeCookie(req: Request, token: string, expiresAt: Date): string {
  return `${CHALLENGE_COOKIE}=${token}; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Expires=${expiresAt.toUTCString()}${cookieSecureFlag(req)}`;
}

export function clearedChallengeCookie(req: Request): string {
  return `${CHALLENGE_COOKIE}=; Path=/api/v1/auth; HttpOnly; SameSite=Strict; Max-Age=0${cookieSecureFlag(req)}`;
}
