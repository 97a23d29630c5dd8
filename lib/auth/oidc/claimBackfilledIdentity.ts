import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * An account single sign-on made before identities were kept has a row without issuer and subject
 * (the migration's backfill: only accounts the database records as made by single sign-on). The
 * first single sign-on with the account's verified email fills it in — once (false when another
 * sign-in claimed it meanwhile, or the account has an identity of this issuer already: the password
 * is asked then). Recorded like a link made with the password.
 */
export async function claimBackfilledIdentity(userId: string, identityId: string, identity: SsoSubject): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.ssoIdentity.updateMany({ where: { id: identityId, userId, subject: null }, data: { ...identity, lastUsedAt: now } });
      if (count !== 1) return false;
      await recordAccountEvent(tx, {
        userId,
        actor: userActor(userId),
        action: "user.sso_linked",
        after: { issuer: identity.issuer, subject: identity.subject, via: "account made by single sign-on" },
      });
      return true;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
