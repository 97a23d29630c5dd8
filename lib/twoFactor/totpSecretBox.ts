import type { Prisma } from "@/lib/generated/prisma/client";
import { keyring } from "@/lib/security/keyring";
import { openSecrets, sealSecrets, secretsNeedReseal } from "@/lib/security/sealedSecrets";

/**
 * A TwoFactor row's `secrets` column: `{"sealed": "v1:…"}`, the authenticator secret encrypted with
 * FAULTLINE_SECRET_KEY (lib/security/sealedSecrets.ts) and bound to the user id, so a database dump
 * alone does not let anyone make codes.
 */
export function sealTotpSecret(userId: string, secret: string): Prisma.InputJsonValue {
  return sealSecrets({ secret }, context(userId), keyring());
}

/** The base32 secret; throws SecretKeyError when no configured key opens it. */
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
