import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { newSessionToken, sha256Hex } from "@/lib/auth/tokens";
import { verifyPassword } from "@/lib/auth/password";

export const SESSION_COOKIE = "faultline_session";

export type UserAuth = Extract<AuthContext, { kind: "user" }>;

/**
 * Checks email + password and opens a session; returns the raw token for the cookie. The session id
 * is rotated: a fresh random token every time, and the session the request came with (if any) is
 * deleted, so a token planted in the browser before login (session fixation) never becomes valid.
 */
export async function signIn(email: string, password: string, previousToken?: string): Promise<{ token: string; expiresAt: Date }> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new ApiError(401, "invalid_credentials", "email or password is incorrect");
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_HOURS * 3600_000);
  await db().$transaction([
    ...(previousToken ? [db().session.deleteMany({ where: { id: sha256Hex(previousToken) } })] : []),
    db().session.create({ data: { id: sha256Hex(token), userId: user.id, expiresAt } }),
  ]);
  return { token, expiresAt };
}

export async function signOut(token: string | undefined): Promise<void> {
  if (!token || !isSessionTokenShape(token)) return;
  await db().session.deleteMany({ where: { id: sha256Hex(token) } });
}

/** The signed-in user for this request's session cookie, or null. */
export async function getSessionUser(req: Request): Promise<UserAuth | null> {
  return getSessionUserByToken(readCookie(req, SESSION_COOKIE));
}

/** The user of a raw session token (from a cookie), or null when absent, malformed, unknown or expired. */
export async function getSessionUserByToken(token: string | undefined): Promise<UserAuth | null> {
  if (!token || !isSessionTokenShape(token)) return null;
  const session = await db().session.findUnique({
    where: { id: sha256Hex(token) },
    include: { user: { include: { memberships: { select: { workspaceId: true, role: true } } } } },
  });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  const { user } = session;
  return { kind: "user", userId: user.id, email: user.email, name: user.name, memberships: user.memberships };
}

export async function requireSessionUser(req: Request): Promise<UserAuth> {
  const user = await getSessionUser(req);
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
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secureFlag(req)}`;
}

export function clearedSessionCookie(req: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(req)}`;
}

function secureFlag(req: Request): string {
  const setting = env().SECURE_COOKIES;
  const secure = setting === "true" || (setting === "auto" && new URL(req.url).protocol === "https:");
  return secure ? "; Secure" : "";
}

// scrypt hash of a random string nobody knows; only used to equalise timing.
const DUMMY_HASH =
  "scrypt$32768$8$1$bm90LWEtcmVhbC1zYWx0$Y2Fubm90LW1hdGNoLWFueS1wYXNzd29yZC1hdC1hbGwh";
