import { auditRow } from "@/lib/audit/auditRow";
import type { SsoSubject } from "@/lib/auth/oidc/pendingLink";
import { hashPassword } from "@/lib/auth/password";
import { randomToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { joinWithInvitation } from "@/lib/invitations/joinWithInvitation";
import { pendingInvitationsTo } from "@/lib/invitations/pendingInvitationsTo";
import { logger } from "@/lib/logger";
import { isUuid, uuidv7 } from "@/lib/ids/uuidv7";
import { createUser } from "@/lib/users/createUser";

export interface Provisioning {
  /** Email domains whose people get an account at their first single sign-on (lower case). */
  domains: string[];
  /** The workspace (id or slug) they join, and as what; none: they wait for an invitation. */
  workspace: string | null;
  role: Role;
}

/** Whether `email` may get an account by signing in (its domain is allowed), pure. */
export function mayProvision(email: string, provisioning: Provisioning): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return provisioning.domains.includes(domain);
}

/**
 * Just-in-time accounts: someone signing in with the provider for the first time gets an account (a
 * random password nobody knows: they sign in with the provider, or set one with a reset link) when
 * their email's domain is allowed — then they join the configured workspace with the configured role,
 * recorded in its activity as done by Faultline — or when they hold pending invitations: the
 * provider verified the address the invitations were sent to, which is what following their link
 * proves, so each is accepted (its workspace joined with the invited role). The provider's identity
 * is linked to the account (later sign-ins find it by `sub`). Returns the new user's id and the
 * workspaces joined through invitations; a concurrent first sign-in of the same identity finds the
 * account the other made (and joins nothing more). Null when an account with the email was made
 * meanwhile some other way: it is not this identity's, so the caller asks for its password.
 */
export async function provisionSsoUser(email: string, name: string | undefined, provisioning: Provisioning, identity: SsoSubject): Promise<{ userId: string; invitedTo: string[] } | null> {
  const passwordHash = await hashPassword(randomToken());
  try {
    return await db().$transaction(async (tx) => {
      const user = await createUser({ email, name: name?.trim().slice(0, 100) || email.slice(0, email.indexOf("@")), passwordHash }, tx);
      await tx.ssoIdentity.create({ data: { id: uuidv7(), userId: user.id, issuer: identity.issuer, subject: identity.subject, createdAt: user.createdAt, lastUsedAt: user.createdAt } });
      const ref = mayProvision(email, provisioning) ? provisioning.workspace : null;
      const workspace = ref ? await tx.workspace.findFirst({ where: { ...(isUuid(ref) ? { id: ref } : { slug: ref }), deletingAt: null }, select: { id: true } }) : null;
      if (ref && !workspace) logger.warn("OIDC_DEFAULT_WORKSPACE names no workspace: the new account joins none", { workspace: ref });
      if (workspace) {
        const membership = await tx.membership.create({ data: { userId: user.id, workspaceId: workspace.id, role: provisioning.role } });
        await tx.auditLog.create({
          data: auditRow({ workspaceId: workspace.id, actor: { type: "system" }, action: "member.added", targetType: "membership", targetId: membership.id, after: { userId: user.id, email: user.email, role: provisioning.role, via: "single sign-on" } }),
        });
      }
      const invitedTo: string[] = [];
      for (const invitation of await pendingInvitationsTo(email, tx)) {
        const joined = await joinWithInvitation(tx, invitation, async () => user, { newAccount: true, via: "single sign-on" });
        if (joined.joined) invitedTo.push(invitation.workspaceId);
      }
      return { userId: user.id, invitedTo };
    });
  } catch (error) {
    const linked = await db().ssoIdentity.findUnique({ where: { issuer_subject: identity }, select: { userId: true } });
    if (linked) return { userId: linked.userId, invitedTo: [] };
    if (await db().user.findUnique({ where: { email }, select: { id: true } })) return null;
    throw error;
  }
}
