import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { invitationStatus } from "@/lib/invitations/invitationStatus";
import { sentByAdmins } from "@/lib/invitations/sentByAdmins";

/**
 * The invitation a link's token opens: 404 when unknown, 410 when used, withdrawn or expired — or when
 * the admin who sent it no longer administers the workspace (removed, left or demoted: their pending
 * links are withdrawn then, and this covers links sent before that rule existed).
 */
export async function findInvitationByToken(token: string) {
  const invitation = await db().invitation.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { workspace: { select: { name: true } } } });
  if (!invitation) throw ApiError.notFound("invitation not found");
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new ApiError(410, `invitation_${status}`, GONE_MESSAGES[status]);
  if ((await sentByAdmins([invitation])).length === 0) throw new ApiError(410, "invitation_revoked", GONE_MESSAGES.revoked);
  return invitation;
}

const GONE_MESSAGES = {
  accepted: "this invitation has already been used",
  revoked: "this invitation was withdrawn",
  expired: "this invitation has expired: ask for a new one",
} as const;

/**
 * GET /api/v1/invitations/:token — what the accept page shows (anyone holding the link), and whether
 * the browser is already signed in as the invitee (then joining takes no password: an account made
 * by single sign-on has none its owner knows).
 */
export async function describeInvitation(token: string, signedInUserId: string | null = null) {
  const invitation = await findInvitationByToken(token);
  const [user, inviter] = await Promise.all([
    db().user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
    invitation.invitedById ? db().user.findUnique({ where: { id: invitation.invitedById }, select: { name: true } }) : null,
  ]);
  return {
    workspaceName: invitation.workspace.name,
    email: invitation.email,
    role: invitation.role,
    invitedBy: inviter?.name ?? null,
    expiresAt: invitation.expiresAt.toISOString(),
    hasAccount: Boolean(user),
    signedInAsInvitee: user !== null && user.id === signedInUserId,
  };
}

export type InvitationDescription = Awaited<ReturnType<typeof describeInvitation>>;
