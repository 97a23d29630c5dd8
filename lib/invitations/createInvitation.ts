import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertSessionFor, assertUser } from "@/lib/auth/permissions";
import { randomToken, sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { assertUnderInvitationLimit } from "@/lib/invitations/invitationLimit";
import type { CreateInvitationInput } from "@/lib/invitations/invitationSchemas";
import { sendInvitationEmail } from "@/lib/invitations/sendInvitationEmail";

/**
 * POST /api/v1/workspaces/:id/invitations (admins): a single-use link valid INVITATION_TTL_DAYS,
 * shown once in the answer (and emailed when SMTP is configured). Inviting an email again replaces
 * its pending invitation; a current member is a 409; past INVITATIONS_PER_HOUR from this person in
 * the last hour, a 429 (lib/invitations/invitationLimit.ts). An admin invitation needs a signed-in
 * session, not an API token (403 naming `role`): a leaked token must not mint an admin account that
 * outlives it (as admins' reset links).
 */
export async function createInvitation(auth: AuthContext, workspaceId: string, input: CreateInvitationInput, origin: string) {
  assertUser(auth);
  assertCanAdminister(auth, workspaceId);
  if (input.role === "admin") assertSessionFor(auth, "role", "inviting an admin needs a signed-in session, not an API token");
  const member = await db().membership.findFirst({ where: { workspaceId, user: { email: input.email } } });
  if (member) throw new ApiError(409, "already_member", `${input.email} is already a member of this workspace`, { field: "email" });

  const token = randomToken();
  const id = uuidv7();
  const expiresAt = new Date(Date.now() + env().INVITATION_TTL_DAYS * 86_400_000);
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
  await db().$transaction(async (tx) => {
    await assertUnderInvitationLimit(tx, auth.userId);
    const replaced = await tx.invitation.updateMany({
      where: { workspaceId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.invitation.create({ data: { id, workspaceId, email: input.email, role: input.role, tokenHash: sha256Hex(token), invitedById: auth.userId, expiresAt } });
    await tx.auditLog.create({
      data: auditRow({ workspaceId, actor: userActor(auth.userId), action: "invitation.created", targetType: "invitation", targetId: id, after: { email: input.email, role: input.role, replacedPending: replaced.count } }),
    });
  });
  const url = `${origin}/invite/${token}`;
  const emailed = await sendInvitationEmail({ to: input.email, workspaceName: workspace.name, inviterName: auth.name || auth.email, url, expiresAt });
  return { id, email: input.email, role: input.role, url, expiresAt: expiresAt.toISOString(), emailed };
}
