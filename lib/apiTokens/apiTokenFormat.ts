import { randomBytes } from "node:crypto";
import type { RequestHead } from "@/lib/http/requestHead";

/** Every API token starts with this, so it is never mistaken for an ingest key (32 hex digits) and secret scanners can spot it. */
export const API_TOKEN_PREFIX = "flt_";

/** Characters of the token (after the prefix) kept in clear to tell tokens apart in lists. */
export const SHOWN_PREFIX_CHARS = 8;

const TOKEN_SHAPE = /^flt_[A-Za-z0-9_-]{43}$/;

/** A new token: the prefix and 256 random bits, URL-safe. Only its SHA-256 is stored. */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function isApiTokenShape(value: string): boolean {
  return TOKEN_SHAPE.test(value);
}

/** The API token of `Authorization: Bearer flt_…`, or undefined (an ingest key or no bearer at all). */
export function readApiToken(req: Pick<RequestHead, "headers">): string | undefined {
  const match = req.headers.get("authorization")?.trim().match(/^Bearer\s+(\S+)$/i);
  return match?.[1].startsWith(API_TOKEN_PREFIX) ? match[1] : undefined;
}
