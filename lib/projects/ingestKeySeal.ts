import { ApiError } from "@/lib/http/ApiError";
import { keyring } from "@/lib/security/keyring";
import { open, seal, sealedKeyId, SecretKeyError, type Keyring } from "@/lib/security/secretBox";

/**
 * An ingest key's sealed copy (`IngestKey.keySealed`): the key encrypted with AES-256-GCM under
 * FAULTLINE_SECRET_KEY (lib/security/secretBox.ts), the row id bound as additional authenticated
 * data, so admins can copy the project's DSN again (GET /api/v1/projects/:id/keys/:keyId/dsn).
 * Ingest never reads it: keys are looked up by `keyHash`. A text column holding the sealed string
 * itself (one value, nothing to wrap in JSON); re-sealed by resealIngestKeys with the other secrets.
 * The keyring defaults to the server's; tests pass their own.
 */
export function ingestKeyContext(keyId: string): string {
  return `ingest_key:${keyId}`;
}

export function sealIngestKey(keyId: string, key: string, ring: Keyring = keyring()): string {
  return seal(key, ingestKeyContext(keyId), ring);
}

/** The key; throws SecretKeyError when no key of the ring opens the sealed copy (or it belongs to another row). */
export function openIngestKey(keyId: string, sealed: string, ring: Keyring = keyring()): string {
  return open(sealed, ingestKeyContext(keyId), ring);
}

/** True for a sealed copy that is not sealed with the ring's current key (or is not a sealed value at all). */
export function ingestKeyNeedsReseal(sealed: unknown, ring: Keyring = keyring()): boolean {
  return typeof sealed === "string" && sealedKeyId(sealed) !== ring.current.id;
}

/**
 * The sealed copy a new key is stored with, or null when this process has no FAULTLINE_SECRET_KEY
 * (a script or the admin CLI run without it: the server never starts without one). Such a key is
 * shown once, as keys were before copies were kept.
 */
export function sealNewIngestKey(keyId: string, key: string): string | null {
  let ring: Keyring;
  try {
    ring = keyring();
  } catch (error) {
    if (error instanceof SecretKeyError) return null;
    throw error;
  }
  return sealIngestKey(keyId, key, ring);
}

/** What a reveal reads of the key's row. */
export interface RevealableKey {
  id: string;
  revokedAt: Date | null;
  keySealed: string | null;
}

/**
 * The key of a reveal request, or the ApiError that says why it cannot be shown: a revoked key is
 * gone (410: it no longer ingests, and its copy was dropped when it was revoked), a key created
 * before copies were kept has none (409: create a new key), and a copy that no configured key opens
 * is the operator's FAULTLINE_SECRET_KEY changing without FAULTLINE_SECRET_KEY_PREVIOUS (503, as a
 * two-factor secret that no longer opens).
 */
export function revealIngestKey(row: RevealableKey, ring: Keyring): string {
  if (row.revokedAt) throw new ApiError(410, "ingest_key_revoked", "this ingest key was revoked: it is no longer accepted and cannot be shown again", { keyId: row.id });
  if (row.keySealed === null) {
    throw new ApiError(409, "ingest_key_not_kept", "this ingest key was created before Faultline kept keys to show again: create a new key (and revoke this one once nothing sends with it)", { keyId: row.id });
  }
  try {
    return openIngestKey(row.id, row.keySealed, ring);
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    throw new ApiError(
      503,
      "secret_key_mismatch",
      "this ingest key's sealed copy cannot be opened with the server's FAULTLINE_SECRET_KEY (it was changed without FAULTLINE_SECRET_KEY_PREVIOUS): ask the operator, or create a new key",
      { keyId: row.id },
    );
  }
}
