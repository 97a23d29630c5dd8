import { recordAccountEvent } from "@/lib/account/recordAccountEvent";
import { userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertSignedInSession } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { replaceRecoveryCodes } from "@/lib/twoFactor/replaceRecoveryCodes";
import { matchTotp } from "@/lib/twoFactor/totp";
import { openTotpSecretForSignIn } from "@/lib/twoFactor/totpSecretBox";

/**
 * POST /api/v1/account/two-factor {code}: the first code from the app proves the secret was added;
 * two-factor sign-in is on from now and the ten recovery codes are answered, this once. 409 without a
 * setup to confirm (or when it is already on), 422 naming `code` when the code does not match.
 */
export async function enableTwoFactor(auth: AuthContext, code: string, now = Date.now()) {
  assertSignedInSession(auth);
  const userId = auth.userId;
  const row = await db().twoFactor.findUnique({ where: { userId } });
  if (row?.enabledAt) throw new ApiError(409, "two_factor_enabled", "two-factor sign-in is already on");
  if (!row) throw new ApiError(409, "two_factor_not_set_up", "start the setup first (POST /api/v1/account/two-factor/setup)");
  const step = matchTotp(openTotpSecretForSignIn(userId, row.secrets), code, now, null);
  if (step === null) {
    throw ApiError.invalidField("code", "That code does not match the authenticator. Is the phone's clock right?");
  }
  return db().$transaction(async (tx) => {
    const enabledAt = new Date(now);
    // Only the setup as read: a setup restarted meanwhile holds another secret, which this code did not prove.
    const { count } = await tx.twoFactor.updateMany({ where: { userId, enabledAt: null, secrets: { equals: row.secrets as object } }, data: { enabledAt, lastUsedStep: step } });
    if (count !== 1) throw new ApiError(409, "two_factor_setup_conflict", "the setup changed meanwhile: start again");
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await recordAccountEvent(tx, { userId, actor: userActor(userId), action: "user.two_factor_enabled" });
    return { enabled: true, enabledAt: enabledAt.toISOString(), recoveryCodes };
  });
}

export type TwoFactorEnabledAnswer = Awaited<ReturnType<typeof enableTwoFactor>>;
