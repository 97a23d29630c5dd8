import { db } from "@/lib/db/prisma";
import { normaliseRecoveryCode, recoveryCodeHash } from "@/lib/twoFactor/recoveryCodes";
import { looksLikeTotpCode, matchTotp } from "@/lib/twoFactor/totp";
import { openTotpSecretForSignIn } from "@/lib/twoFactor/totpSecretBox";

export type SecondFactor = { method: "totp" } | { method: "recovery_code"; recoveryCodesLeft: number };

/**
 * Checks a code against a user's enabled two-factor sign-in and uses it up: an authenticator code
 * (6 digits, ±1 step) moves the account's last used step forward, so neither it nor an older code
 * works again; a recovery code is marked used. Both are conditional updates, so two requests with
 * the same code on two instances cannot both pass. Null when the code is not good (or two-factor
 * sign-in is off).
 */
export async function consumeSecondFactor(userId: string, code: string, now = Date.now()): Promise<SecondFactor | null> {
  const twoFactor = await db().twoFactor.findUnique({ where: { userId } });
  if (!twoFactor?.enabledAt) return null;
  if (looksLikeTotpCode(code)) {
    const step = matchTotp(openTotpSecretForSignIn(userId, twoFactor.secrets), code, now, twoFactor.lastUsedStep);
    if (step === null) return null;
    const { count } = await db().twoFactor.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
      data: { lastUsedStep: step },
    });
    return count === 1 ? { method: "totp" } : null;
  }
  if (normaliseRecoveryCode(code) === null) return null;
  const { count } = await db().recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date(now) } });
  if (count !== 1) return null;
  return { method: "recovery_code", recoveryCodesLeft: await db().recoveryCode.count({ where: { userId, usedAt: null } }) };
}
