import type { AuthContext } from "@/lib/auth/AuthContext";
import { confirmPassword } from "@/lib/auth/confirmPassword";
import { assertSignedInSession } from "@/lib/auth/permissions";
import type { ClientInfo } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { otpauthIssuer, otpauthUri } from "@/lib/twoFactor/otpauthUri";
import { newTotpSecret } from "@/lib/twoFactor/totp";
import { sealTotpSecret } from "@/lib/twoFactor/totpSecretBox";

/**
 * POST /api/v1/account/two-factor/setup {password}: a new authenticator secret for the signed-in
 * user, sealed and kept as a setup to confirm (sign-in does not ask for codes yet). Answers the secret
 * and its otpauth:// URI (the QR code) this once. 409 when two-factor sign-in is already on.
 */
export async function beginTwoFactorSetup(auth: AuthContext, password: string, client: ClientInfo, publicUrl: string | null) {
  assertSignedInSession(auth);
  const user = await db().user.findUniqueOrThrow({ where: { id: auth.userId }, include: { twoFactor: { select: { enabledAt: true } } } });
  await confirmPassword(user, password, client, "password");
  if (user.twoFactor?.enabledAt) throw new ApiError(409, "two_factor_enabled", "two-factor sign-in is already on: turn it off first to change the authenticator");
  const secret = newTotpSecret();
  const secrets = sealTotpSecret(user.id, secret);
  const { count } = await db().twoFactor.updateMany({ where: { userId: user.id, enabledAt: null }, data: { secrets, lastUsedStep: null, createdAt: new Date() } });
  if (count === 0) {
    // No row yet; a concurrent setup that just created one makes this a conflict, not a second secret.
    await db().twoFactor.create({ data: { userId: user.id, secrets } }).catch(() => {
      throw new ApiError(409, "two_factor_setup_conflict", "another two-factor setup of this account is under way: start again");
    });
  }
  return { secret, otpauthUri: otpauthUri({ secret, email: user.email, issuer: otpauthIssuer(publicUrl) }) };
}

export type TwoFactorSetupAnswer = Awaited<ReturnType<typeof beginTwoFactorSetup>>;
