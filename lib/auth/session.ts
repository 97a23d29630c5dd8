import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { newSessionToken, sha256Hex } from "@/lib/auth/tokens";
import { verifyPassword } from "@/lib/auth/password";

export const SESSION_COOKIE = "faultline_session";

export type UserAuth = Extract<AuthContext, { kind: "user" }>;

/** Checks email + password and opens a session; returns the raw token for the cookie. */
export async function signIn(email: string, password: string): Promise<{ token: string; expiresAt: Date }> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Verify against a dummy hash when the user is unknown so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new ApiError(401, "invalid_credentials", "email or password is incorrect");
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + env().SESSION_TTL_HOURS * 3600_000);
  await db().session.create({ data: { id: sha256Hex(token), userId: user.id, expiresAt } });
  return { token, expiresAt };
}

export async function signOut(token: string | undefined): Promise<void> {
  if (!token) return;
  await db().session.deleteMany({ where: { id: sha256Hex(token) } });
}

/** The signed-in user for this request's session cookie, or null. */
export async function getSessionUser(req: Request): Promise<UserAuth | null> {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token) return null;
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

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
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
