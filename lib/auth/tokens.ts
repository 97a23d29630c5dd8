import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** 128-bit hex key: valid as a Sentry DSN public key (SDKs accept only \w characters there). */
export function newIngestKey(): string {
  return randomBytes(16).toString("hex");
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** 256-bit URL-safe token for invitation and password reset links (only its SHA-256 is stored). */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}
