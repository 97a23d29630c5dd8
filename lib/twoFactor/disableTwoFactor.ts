import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { confirmPassword } from "@/lib/auth/confirmPassword";
import { assertSignedInSession } from "@/lib/auth/permissions";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { consumeSecondFactor } from "@/lib/twoFactor/consumeSecondFactor";
import { deleteTwoFactor } from "@/lib/twoFactor/deleteTwoFactor";

/**
 * DELETE /api/v1/account/two-factor {password, code}: turns two-factor sign-in off. Both factors are
 * asked (a session left open on a shared machine, with a password seen over a shoulder, is not
 * enough); a recovery code stands in for a lost phone. 409 when it is not on.
 */
export async function disableTwoFactor(auth: AuthContext, input: { password: string; code: string }, client: ClientInfo) {
  assertSignedInSession(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId }, include: { twoFactor: { select: { enabledAt: true } } } });
  if (!user.twoFactor?.enabledAt) throw new ApiError(409, "two_factor_disabled", "two-factor sign-in is not on");
  await confirmPassword(user, input.password, client, "password");
  if (!(await consumeSecondFactor(user.id, input.code))) {
    throw ApiError.invalidField("code", "That code is not valid, or was already used.");
  }
  await db().$transaction(async (tx) => {
    await deleteTwoFactor(tx, user.id);
    await recordAccountEvent(tx, { userId: user.id, actor: userActor(user.id), action: "user.two_factor_disabled" });
  });
  return { enabled: false };
}
