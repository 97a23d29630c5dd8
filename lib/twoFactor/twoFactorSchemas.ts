import { z } from "zod";
import { looksLikeTotpCode } from "@/lib/twoFactor/totp";
import { CurrentPasswordSchema } from "@/lib/users/userSchemas";

/** An authenticator code (`123456`, `123 456`) or a recovery code (`k7m2q-x9fbt`). */
export const SecondFactorCodeSchema = z.string().trim().min(6, "must be a 6-digit code or a recovery code").max(32);

/** POST /api/v1/auth/two-factor */
export const TwoFactorSignInSchema = z.object({ code: SecondFactorCodeSchema }).strict();

/** POST /api/v1/account/two-factor/setup and …/recovery-codes: the password confirms the change. */
export const ConfirmPasswordSchema = z.object({ password: CurrentPasswordSchema }).strict();

/** POST /api/v1/account/two-factor: the first code from the app proves the secret was added. */
export const EnableTwoFactorSchema = z.object({ code: z.string().max(32).refine(looksLikeTotpCode, "must be the 6-digit code your app shows") }).strict();

/** DELETE /api/v1/account/two-factor: the password and a code (or a recovery code). */
export const DisableTwoFactorSchema = z.object({ password: CurrentPasswordSchema, code: SecondFactorCodeSchema }).strict();
