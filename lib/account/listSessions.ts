import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** GET /api/v1/account/sessions — the user's unexpired sessions, the current one marked. */
export async function listSessions(auth: AuthContext) {
  assertSignedInSession(auth);
  const sessions = await db().session.findMany({
    where: { userId: auth.userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return {
    items: sessions.map((s) => ({
      id: s.id,
      current: s.id === auth.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
  };
}

export type SessionList = Awaited<ReturnType<typeof listSessions>>;
