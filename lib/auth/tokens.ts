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
