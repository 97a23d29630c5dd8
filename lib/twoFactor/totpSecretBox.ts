import type { Prisma } from "@/lib/generated/prisma/client";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";
import { keyring } from "@/lib/security/keyring";
import { SecretKeyError } from "@/lib/security/secretBox";
import { openSecrets, sealSecrets, secretsNeedReseal } from "@/lib/security/sealedSecrets";

/**
 * A TwoFactor row's `secrets` column: `{"sealed": "v1:…"}`, the authenticator secret encrypted with
 * FAULTLINE_SECRET_KEY (lib/security/sealedSecrets.ts) and bound to the user id, so a database dump
 * alone does not let anyone make codes.
 */
export function sealTotpSecret(userId: string, secret: string): Prisma.InputJsonValue {
  return sealSecrets({ secret }, context(userId), keyring());
}

/**
 * The base32 secret. Throws SecretKeyError when no configured key opens it (the re-seal pass counts
 * such rows); `openTotpSecretForSignIn` turns that into a 503 that says what the operator must fix.
 */
export function openTotpSecret(userId: string, stored: unknown): string {
  const { secret } = openSecrets(stored, context(userId), keyring());
  if (typeof secret !== "string" || !secret) throw new Error("two-factor secret missing from its row");
  return secret;
}

export function totpSecretNeedsReseal(stored: unknown): boolean {
  return secretsNeedReseal(stored, keyring());
}

function context(userId: string): string {
  return `two_factor:${userId}`;
}

/** openTotpSecret for a request: a secret no configured key opens is the server's misconfiguration, not the user's wrong code. */
export function openTotpSecretForSignIn(userId: string, stored: unknown): string {
  try {
    return openTotpSecret(userId, stored);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    logger.error("two-factor secret cannot be opened with the configured keys", { userId, error: error.message });
    throw new ApiError(503, "secret_key_mismatch", "this account's two-factor secret cannot be opened with the server's FAULTLINE_SECRET_KEY: ask the operator (FAULTLINE_SECRET_KEY_PREVIOUS during a rotation)");
  }
}
