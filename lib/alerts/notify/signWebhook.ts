import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures. Every webhook request carries
 *   X-Faultline-Timestamp: <unix seconds>
 *   X-Faultline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signing secret, "<t>.<raw body>")>
 * A receiver recomputes the HMAC over the timestamp, a dot and the exact bytes of the body, compares
 * in constant time, and refuses timestamps older than a few minutes (replays).
 */
export const SIGNATURE_HEADER = "x-faultline-signature";
export const TIMESTAMP_HEADER = "x-faultline-timestamp";

export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeaders(secret: string, body: string, now: Date): Record<string, string> {
  const t = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(t), [SIGNATURE_HEADER]: `t=${t},v1=${signatureOf(secret, t, body)}` };
}

/** What a receiver does (used by tests and documented): true when the header signs this body. */
export function verifySignature(secret: string, header: string, body: string, now: Date, toleranceSeconds = 300): boolean {
  const fields = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const t = Number(fields.get("t"));
  const v1 = fields.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, "hex"), Buffer.from(signatureOf(secret, t, body), "hex"));
}
