import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/**
 * DELETE /api/v1/account/single-sign-on — unlinks every provider identity of the account (and a
 * backfilled row not claimed yet), each recorded as `user.sso_unlinked`. The next single sign-on
 * asks for the account's password once to link again. Signed-in browser sessions only.
 */
export async function unlinkSingleSignOn(auth: AuthContext): Promise<{ unlinked: number }> {
  assertSignedInSession(auth);
  return db().$transaction(async (tx) => {
    const rows = await tx.ssoIdentity.findMany({ where: { userId: auth.userId }, select: { id: true, issuer: true, subject: true } });
    await tx.ssoIdentity.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
    const linked = rows.filter((row) => row.subject !== null);
    for (const row of linked) {
      await recordAccountEvent(tx, { userId: auth.userId, actor: userActor(auth.userId), action: "user.sso_unlinked", before: { issuer: row.issuer, subject: row.subject } });
    }
    return { unlinked: linked.length };
  });
}
