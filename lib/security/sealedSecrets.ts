import { open, seal, sealedKeyId, type Keyring } from "@/lib/security/secretBox";

type Json = Record<string, unknown>;

/**
 * A row's secret fields at rest: `{"sealed": "v1:…"}`, the JSON of the fields sealed with
 * AES-256-GCM (secretBox.ts) and bound to `context` (the table and row id), so a sealed value copied
 * to another row does not open. Rows written before encryption hold the plain object: they are read
 * as they are (legacy) and re-sealed by the start-up / `npm run secrets:rotate` pass. Pure: the
 * keyring is passed in (lib/security/keyring.ts reads it from the environment).
 */
export function sealSecrets(secrets: Json, context: string, ring: Keyring): { sealed: string } {
  return { sealed: seal(JSON.stringify(secrets), context, ring) };
}

/** The plain fields; throws SecretKeyError when the value is sealed and no key of the ring opens it. */
export function openSecrets(stored: unknown, context: string, ring: Keyring): Json {
  const sealed = sealedValue(stored);
  if (sealed === null) return isPlainObject(stored) ? stored : {};
  const value: unknown = JSON.parse(open(sealed, context, ring));
  return isPlainObject(value) ? value : {};
}

/** True for a legacy plain object that holds at least one field (an empty object has nothing to hide). */
export function isLegacyPlaintext(stored: unknown): boolean {
  return sealedValue(stored) === null && isPlainObject(stored) && Object.keys(stored).length > 0;
}

/** True when the stored value is plain (legacy) or sealed with a key other than the ring's current one. */
export function secretsNeedReseal(stored: unknown, ring: Keyring): boolean {
  const sealed = sealedValue(stored);
  if (sealed === null) return isLegacyPlaintext(stored);
  return sealedKeyId(sealed) !== ring.current.id;
}

function sealedValue(stored: unknown): string | null {
  return isPlainObject(stored) && typeof stored.sealed === "string" && Object.keys(stored).length === 1 ? stored.sealed : null;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
