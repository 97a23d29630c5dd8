import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second
 * steps — what every authenticator app (Google Authenticator, 1Password, Authy, Aegis…) reads from an
 * `otpauth://` URI. Pure; the caller keeps the last step used so a code is never accepted twice.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now a code may come from: a phone's clock a little off, a code typed as it rolls over. */
export const TOTP_DRIFT_STEPS = 1;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommended length), base32 without padding. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case, spaces and padding ignored); throws on any other character. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP of `counter` with `digits` digits (dynamic truncation of HMAC-SHA1). */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** A code as typed: spaces dropped (apps show "123 456"), full-width digits (East Asian keyboards) made ASCII. */
export function normaliseTotpCode(code: string): string {
  return code.normalize("NFKC").replace(/\s/g, "");
}

/** Whether a typed code has the shape of an authenticator code (else it may be a recovery code). */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(normaliseTotpCode(code));
}

/** The 30-second step a moment falls in. */
export function totpStep(atMs: number): number {
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCode(secret: string, atMs: number): string {
  return hotp(base32Decode(secret), totpStep(atMs));
}

/**
 * The step whose code `code` is, within TOTP_DRIFT_STEPS of now and after `lastUsedStep` (a code
 * already used, or one older than it, is refused: replay), or null. Compared in constant time.
 */
export function matchTotp(secret: string, code: string, atMs: number, lastUsedStep: number | null): number | null {
  const given = normaliseTotpCode(code);
  if (!/^\d{6}$/.test(given)) return null;
  const key = base32Decode(secret);
  const now = totpStep(atMs);
  let matched: number | null = null;
  for (let step = now - TOTP_DRIFT_STEPS; step <= now + TOTP_DRIFT_STEPS; step++) {
    // Every candidate is computed and compared: the time taken does not tell which step matched.
    const same = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(given));
    if (same && matched === null && (lastUsedStep === null || step > lastUsedStep)) matched = step;
  }
  return matched;
}
