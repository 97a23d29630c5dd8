import type { Prisma } from "@/lib/generated/prisma/client";
import { keyring } from "@/lib/security/keyring";
import { openSecrets, sealSecrets, secretsNeedReseal } from "@/lib/security/sealedSecrets";

type Json = Record<string, unknown>;

/**
 * A channel's `secrets` column holds `{"sealed": "v1:…"}`: the JSON of its secret fields encrypted
 * with AES-256-GCM (lib/security/sealedSecrets.ts), bound to the channel id. Rows written before
 * encryption hold the plain object; they are read as they are and sealed by resealChannelSecrets.
 */
export function sealChannelSecrets(channelId: string, secrets: Json): Prisma.InputJsonValue {
  return sealSecrets(secrets, context(channelId), keyring());
}

/** The plain secret fields; throws SecretKeyError when they cannot be opened with the keyring. */
export function openChannelSecrets(channelId: string, stored: unknown): Json {
  return openSecrets(stored, context(channelId), keyring());
}

/** True when the stored value is plain (legacy) or sealed with a key other than the current one. */
export function needsReseal(stored: unknown): boolean {
  return secretsNeedReseal(stored, keyring());
}

function context(channelId: string): string {
  return `notification_channel:${channelId}`;
}
