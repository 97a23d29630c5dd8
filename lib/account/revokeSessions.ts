import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** DELETE /api/v1/account/sessions — signs out every session of the user but this one. */
export async function revokeOtherSessions(auth: AuthContext): Promise<{ signedOut: number }> {
  assertSignedInSession(auth);
  return db().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: auth.userId, ...(auth.sessionId && { id: { not: auth.sessionId } }) } });
    if (count > 0) await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.sessions_revoked", after: { signedOut: count } });
    return { signedOut: count };
  });
}

/** DELETE /api/v1/account/sessions/:sessionId — signs out one of the user's sessions (404 for anyone else's). */
export async function revokeSession(auth: AuthContext, sessionId: string): Promise<void> {
  assertSignedInSession(auth);
  await db().$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: auth.userId } });
    if (count === 0) throw ApiError.notFound("session not found");
    await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.sessions_revoked", after: { signedOut: 1 } });
  });
}
