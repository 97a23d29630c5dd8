import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { randomToken, sha256Hex } from "@/lib/auth/tokens";
import { MEMBERSHIP_ACCESS_SELECT, workspaceAccess } from "@/lib/auth/workspaceAccess";
import { readApiToken } from "@/lib/apiTokens/apiTokenFormat";
import { authenticateApiToken } from "@/lib/apiTokens/authenticateApiToken";

export const SESSION_COOKIE = "faultline_session";

export type UserAuth = Extract<AuthContext, { kind: "user" }>;

/** Where a session was opened from, for the account's session list and the per-address login limit. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  userId: string;
}

/**
 * Opens a session for a user whose identity is already established: setup, or a sign-in that has
 * passed every factor the account has (lib/auth/finishSignIn.ts decides which).
 */
export async function createSession(userId: string, client: ClientInfo): Promise<NewSession> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_HOURS * 3600_000);
  await db().session.create({
    data: { id: sha256Hex(token), userId, expiresAt, ipAddress: client.address, userAgent: client.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt, userId };
}

export async function signOut(token: string | undefined): Promise<void> {
  if (!token || !isSessionTokenShape(token)) return;
  await db().session.deleteMany({ where: { id: sha256Hex(token) } });
}

const LAST_SEEN_EVERY_MS = 5 * 60_000;

/** How a route reads its caller. `dryRun`: a POST that changes nothing (a preview, a test), which a `read` API token may call. */
export interface SessionOptions {
  dryRun?: boolean;
}

/**
 * The user this request acts for: an API token's (`Authorization: Bearer flt_…`, which wins over a
 * cookie; 401/403 when it is invalid, expired or read-only on a change), else the session cookie's,
 * else null.
 */
export async function getSessionUser(req: Request, options: SessionOptions = {}): Promise<UserAuth | null> {
  const apiToken = readApiToken(req);
  // A dry run reads, whatever its method.
  if (apiToken) return authenticateApiToken(apiToken, options.dryRun ? "GET" : req.method);
  return getSessionUserByToken(readCookie(req, SESSION_COOKIE));
}

/**
 * The person signed in in this browser (the session cookie alone; an API token is not a sign-in): for
 * what a signed-in person may do without typing their password again, such as accepting an invitation
 * as the invitee. Counting a token there would turn a leaked token into a full session.
 */
export async function getBrowserSessionUser(req: Request): Promise<UserAuth | null> {
  return getSessionUserByToken(readCookie(req, SESSION_COOKIE));
}

/** The user of a raw session token (from a cookie), or null when absent, malformed, unknown or expired. */
export async function getSessionUserByToken(token: string | undefined): Promise<UserAuth | null> {
  if (!token || !isSessionTokenShape(token)) return null;
  const id = sha256Hex(token);
  const session = await db().session.findUnique({
    where: { id },
    include: { user: { include: MEMBERSHIP_ACCESS_SELECT } },
  });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    // Best effort and rare (once per session every few minutes): never fails the request.
    db().session.updateMany({ where: { id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  }
  const { user } = session;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, operator: user.operator, ...workspaceAccess(user.memberships, Boolean(user.twoFactor?.enabledAt)), sessionId: id };
}

export async function requireSessionUser(req: Request, options: SessionOptions = {}): Promise<UserAuth> {
  const user = await getSessionUser(req, options);
  if (!user) throw ApiError.unauthorized("sign in first");
  return user;
}

/**
 * The value of cookie `name`, or undefined. Never throws: a value that is not valid
 * percent-encoding (`faultline_session=%`) or not the shape of our tokens counts as absent, so the
 * request is simply unauthenticated (401), not a server error.
 */
export function readCookie(req: Request, name: string): string | undefined {
  return parseCookie(req.headers.get("cookie"), name);
}

export function parseCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Session tokens are 32 random bytes in base64url (43 characters): anything else is not ours. */
export function isSessionTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function sessionCookie(req: Request, token: string, expiresAt: Date): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${cookieSecureFlag(req)}`;
}

export function clearedSessionCookie(req: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${cookieSecureFlag(req)}`;
}

/** `; Secure` when cookies must only travel over HTTPS (SECURE_COOKIES, or `auto` on an https request). */
export function cookieSecureFlag(req: Request): string {
  const setting = env().SECURE_COOKIES;
  const secure = setting === "true" || (setting === "auto" && new URL(req.url).protocol === "https:");
  return secure ? "; Secure" : "";
}
