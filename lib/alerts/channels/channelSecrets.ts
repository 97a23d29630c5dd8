import type { Prisma } from "@/lib/generated/prisma/client";
import { keyring } from "@/lib/security/keyring";
import { open, seal, sealedKeyId } from "@/lib/security/secretBox";

type Json = Record<string, unknown>;

/**
 * A channel's `secrets` column holds `{"sealed": "v1:…"}`: the JSON of its secret fields encrypted
 * with AES-256-GCM (lib/security/secretBox.ts), bound to the channel id. Rows written before
 * encryption hold the plain object; they are read as they are and sealed by resealChannelSecrets.
 */
export function sealChannelSecrets(channelId: string, secrets: Json): Prisma.InputJsonValue {
  return { sealed: seal(JSON.stringify(secrets), context(channelId), keyring()) };
}

/** The plain secret fields; throws SecretKeyError when they cannot be opened with the keyring. */
export function openChannelSecrets(channelId: string, stored: unknown): Json {
  const sealed = sealedValue(stored);
  if (sealed === null) return isPlainObject(stored) ? stored : {};
  const value: unknown = JSON.parse(open(sealed, context(channelId), keyring()));
  return isPlainObject(value) ? value : {};
}

/** True when the stored value is plain (legacy) or sealed with a key other than the current one. */
export function needsReseal(stored: unknown): boolean {
  const sealed = sealedValue(stored);
  if (sealed === null) return isPlainObject(stored) && Object.keys(stored).length > 0;
  return sealedKeyId(sealed) !== keyring().current.id;
}

function sealedValue(stored: unknown): string | null {
  return isPlainObject(stored) && typeof stored.sealed === "string" && Object.keys(stored).length === 1 ? stored.sealed : null;
}

function context(channelId: string): string {
  return `notification_channel:${channelId}`;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
