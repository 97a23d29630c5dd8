import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { logger } from "@/lib/logger";

/**
 * Links a provider's identity to the account whose password (and code) was just entered for it,
 * recorded in the account's workspaces' activity (`user.sso_linked`). One identity per account and
 * issuer: one linked earlier is replaced (the provider holds the email under another subject now,
 * and whoever knows the password chose this one), as is a backfilled row. An identity linked to
 * another account stays there (false: this sign-in goes on without linking).
 */
export async function linkSsoIdentity(userId: string, identity: SsoSubject): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const current = await tx.ssoIdentity.findUnique({ where: { issuer_subject: identity }, select: { userId: true } });
      if (current) {
        if (current.userId !== userId) logger.warn("single sign-on identity already linked to another account: not linked again", { userId, issuer: identity.issuer });
        return current.userId === userId;
      }
      const mine = { userId, OR: [{ issuer: identity.issuer }, { issuer: null }] };
      const replaced = await tx.ssoIdentity.findFirst({ where: { userId, issuer: identity.issuer }, select: { subject: true } });
      await tx.ssoIdentity.deleteMany({ where: mine });
      const now = new Date();
      await tx.ssoIdentity.create({ data: { id: uuidv7(), userId, issuer: identity.issuer, subject: identity.subject, createdAt: now, lastUsedAt: now } });
      await recordAccountEvent(tx, {
        userId,
        actor: userActor(userId),
        action: "user.sso_linked",
        before: replaced ? { subject: replaced.subject } : undefined,
        after: { issuer: identity.issuer, subject: identity.subject, via: "password" },
      });
      return true;
    });
  } catch (error) {
    // A concurrent link of the same identity won.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const now = await db().ssoIdentity.findUnique({ where: { issuer_subject: identity }, select: { userId: true } });
    return now?.userId === userId;
  }
}
