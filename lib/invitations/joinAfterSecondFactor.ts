import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { joinWithInvitation } from "@/lib/invitations/joinWithInvitation";
import { pendingInvitation } from "@/lib/invitations/pendingInvitationsTo";
import { sentByAdmins } from "@/lib/invitations/sentByAdmins";

/**
 * The invitation a two-factor account entered its password to accept (lib/invitations/acceptInvitation.ts),
 * accepted once the code is right (lib/twoFactor/completeTwoFactorSignIn.ts), never before: still
 * pending, still from an admin of its workspace and to this account's email — else nothing is joined
 * (the sign-in itself goes on). Consumed as the link would be: a concurrent accept finds it used.
 */
export async function joinAfterSecondFactor(invitationId: string, user: { id: string; email: string }): Promise<{ workspaceId: string; role: Role } | null> {
  const invitation = await db().invitation.findFirst({
    where: { id: invitationId, ...pendingInvitation() },
    select: { id: true, workspaceId: true, email: true, role: true, invitedById: true },
  });
  if (!invitation || invitation.email !== user.email || (await sentByAdmins([invitation])).length === 0) return null;
  const joined = await db().$transaction((tx) => joinWithInvitation(tx, invitation, async () => user, { newAccount: false }));
  return joined.joined ? { workspaceId: invitation.workspaceId, role: joined.role } : null;
}
