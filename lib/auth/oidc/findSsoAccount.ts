import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { mayProvision, type Provisioning } from "@/lib/auth/oidc/provisionSsoUser";
import type { SsoFindings } from "@/lib/auth/oidc/ssoOutcome";
import { db } from "@/lib/db/prisma";
import { pendingInvitationsTo } from "@/lib/invitations/pendingInvitationsTo";

/** What the database holds for a verified ID token: its linked account, else the account with its email (lib/auth/oidc/ssoOutcome.ts decides). */
export async function findSsoAccount(identity: SsoSubject, email: string | null, provisioning: Provisioning): Promise<SsoFindings> {
  const linked = await db().ssoIdentity.findUnique({ where: { issuer_subject: identity }, select: { userId: true } });
  if (linked || !email) return { linked, email, account: null, invited: false, domainAllowed: false };
  const account = await db().user.findUnique({ where: { email }, select: { id: true, ssoIdentities: { where: { subject: null }, select: { id: true }, take: 1 } } });
  if (account) return { linked, email, account: { id: account.id, unclaimedIdentityId: account.ssoIdentities[0]?.id ?? null }, invited: false, domainAllowed: false };
  const invited = (await pendingInvitationsTo(email)).length > 0;
  return { linked, email, account: null, invited, domainAllowed: mayProvision(email, provisioning) };
}
