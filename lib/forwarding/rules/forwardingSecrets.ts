import type { Prisma } from "@/lib/generated/prisma/client";
import { keyring } from "@/lib/security/keyring";
import type { Keyring } from "@/lib/security/secretBox";
import { openSecrets, sealSecrets, secretsNeedReseal } from "@/lib/security/sealedSecrets";

type Json = Record<string, unknown>;

/**
 * A forwarding rule's `secrets` column (DSN, webhook URL, signing secret, headers, API key) holds
 * `{"sealed": "v1:…"}`: the fields encrypted with AES-256-GCM under FAULTLINE_SECRET_KEY, bound to
 * the rule id — as channel secrets are. Rows written before encryption hold the plain object; they
 * are read as they are and sealed by resealForwardingSecrets (start-up and `npm run secrets:rotate`).
 * The keyring defaults to the server's; tests pass their own.
 */
export function sealForwardingSecrets(ruleId: string, secrets: Json, ring: Keyring = keyring()): Prisma.InputJsonValue {
  return sealSecrets(secrets, forwardingSecretsContext(ruleId), ring);
}

/** The plain secret fields; throws SecretKeyError when they cannot be opened with the keyring. */
export function openForwardingSecrets(ruleId: string, stored: unknown, ring: Keyring = keyring()): Json {
  return openSecrets(stored, forwardingSecretsContext(ruleId), ring);
}

/** True when the stored value is plain (legacy) or sealed with a key other than the current one. */
export function forwardingSecretsNeedReseal(stored: unknown, ring: Keyring = keyring()): boolean {
  return secretsNeedReseal(stored, ring);
}

export function forwardingSecretsContext(ruleId: string): string {
  return `forwarding_rule:${ruleId}`;
}
