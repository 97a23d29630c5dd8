import { open, seal, type Keyring } from "@/lib/security/secretBox";

/** A provider's account: the issuer (without trailing slashes) and the ID token's `sub`. */
export interface SsoSubject {
  issuer: string;
  subject: string;
}

/**
 * A single sign-on that found an account by its verified email but no identity linked to it: the
 * account's password (and code) must be entered once to link them. It names the account, so the
 * password of any other account links nothing.
 */
export interface PendingLink extends SsoSubject {
  userId: string;
  email: string;
  expiresAt: number;
}

/** The HTTP-only cookie holding a pending link between the callback, the sign-in page and POST /api/v1/auth/login. */
export const LINK_COOKIE = "faultline_sso_link";
export const LINK_TTL_MS = 10 * 60_000;
const LINK_CONTEXT = "oidc_link";

/** Seals a pending link like the flow cookie (AES-256-GCM with the keyring, its own context): the browser can neither read nor forge it. */
export function sealPendingLink(link: Omit<PendingLink, "expiresAt">, ring: Keyring, now = Date.now()): string {
  const value: PendingLink = { userId: link.userId, email: link.email, issuer: link.issuer, subject: link.subject, expiresAt: now + LINK_TTL_MS };
  return seal(JSON.stringify(value), LINK_CONTEXT, ring);
}

/** The pending link a cookie holds, or null (none, forged, sealed for something else, or expired). */
export function openPendingLink(cookie: string | undefined, ring: Keyring, now = Date.now()): PendingLink | null {
  if (!cookie) return null;
  try {
    const link = JSON.parse(open(cookie, LINK_CONTEXT, ring)) as Partial<PendingLink>;
    const fields = [link.userId, link.email, link.issuer, link.subject];
    if (!fields.every((f) => typeof f === "string" && f) || typeof link.expiresAt !== "number" || link.expiresAt <= now) return null;
    return link as PendingLink;
  } catch {
    return null;
  }
}

/**
 * Set-Cookie for a pending link: path `/`, since the sign-in page reads it (to name the account and
 * provider) as well as the login endpoint; SameSite=Lax, because the page's first load ends the
 * provider's cross-site redirect chain.
 */
export function linkCookieHeader(value: string, secure: string): string {
  return `${LINK_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${LINK_TTL_MS / 1000}${secure}`;
}

export function clearedLinkCookieHeader(secure: string): string {
  return `${LINK_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
