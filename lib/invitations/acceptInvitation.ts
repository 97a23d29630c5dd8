import { beginLoginAttempt, loginFailed, throttleKeys, withdrawLoginAttempt } from "@/lib/auth/loginThrottle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { finishSignIn, type SignInResult } from "@/lib/auth/finishSignIn";
import { createSession, type ClientInfo, type UserAuth } from "@/lib/auth/session";
import { openSignInChallenge } from "@/lib/auth/signInChallenge";
import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/ApiError";
import { findInvitationByToken } from "@/lib/invitations/findInvitationByToken";
import type { AcceptInvitationInput } from "@/lib/invitations/invitationSchemas";
import { joinWithInvitation } from "@/lib/invitations/joinWithInvitation";
import { createUser } from "@/lib/users/createUser";

/**
 * POST /api/v1/invitations/:token/accept. A new email becomes a user (name + password); an existing
 * user proves it with their password (sign-in limits apply) or is already signed in as the invitee.
 * The link is consumed atomically (a second accept, even a concurrent one, is a 410), the person
 * joins with the invited role (an existing member keeps a higher one) and gets a session. An account
 * with two-factor sign-in that was not already signed in gets a challenge for its code instead, and
 * nothing else: the invitation waits on the challenge and the account joins only once the code is
 * right (lib/invitations/joinAfterSecondFactor.ts) — a password alone (phished, reused) must not
 * attach the account to a workspace, nor write its acceptance in that workspace's activity.
 */
export async function acceptInvitation(token: string, input: AcceptInvitationInput, client: ClientInfo, signedIn: UserAuth | null): Promise<{ result: SignInResult; workspaceId: string; role: Role }> {
  const invitation = await findInvitationByToken(token);
  const existing = await db().user.findUnique({ where: { email: invitation.email } });

  let passwordHash: string | undefined;
  if (existing && signedIn?.userId !== existing.id) {
    if (!input.password) throw ApiError.invalidField("password", "Enter the password of your account.");
    const attempt = await beginLoginAttempt(throttleKeys(invitation.email, client.address));
    if (!(await verifyPassword(input.password, existing.passwordHash))) {
      await loginFailed();
      throw new ApiError(401, "invalid_credentials", "the password does not match the account of this email");
    }
    // Not a clearing of the account's failures: anyone can send an invitation, and the code step may follow.
    await withdrawLoginAttempt(attempt);
    const twoFactor = await db().twoFactor.findUnique({ where: { userId: existing.id }, select: { enabledAt: true } });
    if (twoFactor?.enabledAt) {
      const challenge = await openSignInChallenge(existing.id, { invitationId: invitation.id });
      return { result: { kind: "twoFactor", ...challenge }, workspaceId: invitation.workspaceId, role: invitation.role };
    }
  } else if (!existing) {
    const problems = [
      ...(input.name ? [] : [{ path: "name", message: "required for a new account" }]),
      ...(input.password ? [] : [{ path: "password", message: "required for a new account" }]),
    ];
    if (problems.length) throw ApiError.validation(`invalid ${problems[0].path}: ${problems[0].message}`, problems);
    passwordHash = await hashPassword(input.password!);
  }

  const { userId, role } = await db().$transaction(async (tx) => {
    const account = async () => existing ?? (await createUser({ email: invitation.email, name: input.name!, passwordHash: passwordHash! }, tx));
    const joined = await joinWithInvitation(tx, invitation, account, { newAccount: !existing });
    if (!joined.joined) throw new ApiError(410, "invitation_accepted", "this invitation has already been used");
    return joined;
  });
  // Already signed in as the invitee: every factor was given then; the session is only rotated.
  const result: SignInResult = signedIn?.userId === userId ? { kind: "session", ...(await createSession(userId, client)) } : await finishSignIn(userId, client);
  return { result, workspaceId: invitation.workspaceId, role };
}
