import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { confirmPassword } from "@/lib/auth/confirmPassword";
import { assertSignedInSession } from "@/lib/auth/permissions";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { replaceRecoveryCodes } from "@/lib/twoFactor/replaceRecoveryCodes";

/** POST /api/v1/account/two-factor/recovery-codes {password}: ten new recovery codes (answered once); the old ones stop working. */
export async function regenerateRecoveryCodes(auth: AuthContext, password: string, client: ClientInfo) {
  assertSignedInSession(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId }, include: { twoFactor: { select: { enabledAt: true } } } });
  if (!user.twoFactor?.enabledAt) throw new ApiError(409, "two_factor_disabled", "two-factor sign-in is not on");
  await confirmPassword(user, password, client, "password");
  return db().$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAccountEvent(tx, { userId: user.id, actor: userActor(user.id), action: "user.recovery_codes_regenerated" });
    return { recoveryCodes };
  });
}

export type RecoveryCodesAnswer = Awaited<ReturnType<typeof regenerateRecoveryCodes>>;
