import { auditRow, userActor } from "@/lib/audit/auditRow";
import { beginLoginAttempt, loginFailed, loginSucceeded, throttleKeys } from "@/lib/auth/loginThrottle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import { createSession, type ClientInfo, type UserAuth } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/ApiError";
import { findInvitationByToken } from "@/lib/invitations/findInvitationByToken";
import type { AcceptInvitationInput } from "@/lib/invitations/invitationSchemas";
import { createUser } from "@/lib/users/createUser";

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/**
 * POST /api/v1/invitations/:token/accept. A new email becomes a user (name + password); an existing
 * user proves it with their password (sign-in limits apply) or is already signed in as the invitee.
 * The link is consumed atomically (a second accept, even a concurrent one, is a 410), the person
 * joins with the invited role (an existing member keeps a higher one) and gets a session — or, for an
 * account with two-factor sign-in that was not already signed in, a challenge for its code.
 */
export async function acceptInvitation(token: string, input: AcceptInvitationInput, client: ClientInfo, signedIn: UserAuth | null): Promise<{ result: SignInResult; workspaceId: string; role: Role }> {
  const invitation = await findInvitationByToken(token);
  const existing = await db().user.findUnique({ where: { email: invitation.email } });

  let passwordHash: string | undefined;
  if (existing && signedIn?.userId !== existing.id) {
    if (!input.password) throw ApiError.validation("password: enter the password of your account", [{ path: "password", message: "required for an existing account" }]);
    const attempt = await beginLoginAttempt(throttleKeys(invitation.email, client.address));
    if (!(await verifyPassword(input.password, existing.passwordHash))) {
      await loginFailed();
      throw new ApiError(401, "invalid_credentials", "the password does not match the account of this email");
    }
    await loginSucceeded(attempt);
  } else if (!existing) {
    const problems = [
      ...(input.name ? [] : [{ path: "name", message: "required for a new account" }]),
      ...(input.password ? [] : [{ path: "password", message: "required for a new account" }]),
    ];
    if (problems.length) throw ApiError.validation(`invalid ${problems[0].path}: ${problems[0].message}`, problems);
    passwordHash = await hashPassword(input.password!);
  }

  const { userId, role } = await db().$transaction(async (tx) => {
    const consumed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (consumed.count === 0) throw new ApiError(410, "invitation_accepted", "this invitation has already been used");
    const user = existing ?? (await createUser({ email: invitation.email, name: input.name!, passwordHash: passwordHash! }, tx));
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    const current = await tx.membership.findUnique({ where: { userId_workspaceId: { userId: user.id, workspaceId: invitation.workspaceId } } });
    const role = current && RANK[current.role] >= RANK[invitation.role] ? current.role : invitation.role;
    const membership = await tx.membership.upsert({
      where: { userId_workspaceId: { userId: user.id, workspaceId: invitation.workspaceId } },
      create: { userId: user.id, workspaceId: invitation.workspaceId, role },
      update: { role },
    });
    await tx.auditLog.createMany({
      data: [
        auditRow({ workspaceId: invitation.workspaceId, actor: userActor(user.id), action: "invitation.accepted", targetType: "invitation", targetId: invitation.id, after: { email: invitation.email, role: invitation.role, newAccount: !existing } }),
        auditRow({ workspaceId: invitation.workspaceId, actor: userActor(user.id), action: "member.added", targetType: "membership", targetId: membership.id, after: { userId: user.id, email: user.email, role } }),
      ],
    });
    return { userId: user.id, role };
  });
  // Already signed in as the invitee: every factor was given then; the session is only rotated.
  const result: SignInResult = signedIn?.userId === userId ? { kind: "session", ...(await createSession(userId, client)) } : await finishSignIn(userId, client);
  return { result, workspaceId: invitation.workspaceId, role };
}
