import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest. A sealed value is one string,
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts), where the key id (8 hex characters of
 * SHA-256 of the key) tells which key of the keyring opens it, so keys can be rotated: new values
 * are sealed with the current key, old ones still open with a previous key until re-sealed.
 * `context` is bound as additional authenticated data (e.g. the row it belongs to): a sealed value
 * copied to another row does not open.
 */
export interface Keyring {
  current: { id: string; key: Buffer };
  previous: { id: string; key: Buffer }[];
}

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

const VERSION = "v1";

/** 32 bytes as 64 hex characters or base64 / base64url (44 or 43 characters). */
export function parseSecretKey(text: string, name = "FAULTLINE_SECRET_KEY"): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : /^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value) ? Buffer.from(value, "base64") : null;
  if (!key || key.length !== 32) {
    throw new SecretKeyError(`${name} must be 32 random bytes as 64 hex characters or base64 (e.g. \`openssl rand -hex 32\`)`);
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function makeKeyring(current: Buffer, previous: Buffer[] = []): Keyring {
  return { current: { id: keyId(current), key: current }, previous: previous.map((key) => ({ id: keyId(key), key })) };
}

export function seal(plaintext: string, context: string, keyring: Keyring): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyring.current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function open(sealed: string, context: string, keyring: Keyring): string {
  const parts = sealed.split(":");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretKeyError("not a sealed value");
  const [, id, iv, tag, data] = parts;
  const entry = [keyring.current, ...keyring.previous].find((k) => k.id === id);
  if (!entry) throw new SecretKeyError(`sealed with key ${id}, which is neither FAULTLINE_SECRET_KEY nor in FAULTLINE_SECRET_KEY_PREVIOUS`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError("sealed value failed authentication (wrong key, or tampered)");
  }
}

/** The key id a sealed value names, or null when the value is not sealed. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(":");
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : null;
}
