import type { AuthContext } from "@/lib/auth/AuthContext";
import { oidcSettings } from "@/lib/auth/oidc/oidcSettings";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/**
 * GET /api/v1/account/single-sign-on — the provider's name when single sign-on is configured, and
 * the provider identities linked to the account: issuer, since when, last sign-in with it. (A row
 * the backfill made, not claimed yet, links nothing yet and is not listed.)
 */
export async function singleSignOnStatus(auth: AuthContext) {
  assertSignedInSession(auth);
  const rows = await db().ssoIdentity.findMany({
    where: { userId: auth.userId, issuer: { not: null }, subject: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { issuer: true, createdAt: true, lastUsedAt: true },
  });
  return {
    provider: oidcSettings()?.name ?? null,
    identities: rows.map((row) => ({ issuer: row.issuer ?? "", linkedAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null })),
  };
}

export type SingleSignOnStatus = Awaited<ReturnType<typeof singleSignOnStatus>>;
