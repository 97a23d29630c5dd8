import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** 128-bit hex key: valid as a Sentry DSN public key (SDKs accept only \w characters there). */
export function newIngestKey(): string {
  return randomBytes(16).toString("hex");
}

/**
 * 256 random bits, URL-safe (43 characters): session and sign-in challenge tokens, invitation and
 * password reset links (only their SHA-256 is stored), single sign-on's state, nonce and PKCE verifier.
 */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
