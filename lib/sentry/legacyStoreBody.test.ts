import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { decodeLegacyStoreBody } from "@/lib/sentry/legacyStoreBody";

const json = JSON.stringify({ event_id: "a".repeat(32), message: "héllo" });
const LIMIT = 1024 * 1024;

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? error.status : -1;
  }
  return undefined;
}

describe("decodeLegacyStoreBody", () => {
  it("returns JSON as it came (leading whitespace and a byte order mark too)", () => {
    for (const body of [json, `  \n${json}`, `\ufeff${json}`]) {
      const bytes = Buffer.from(body);
      expect(decodeLegacyStoreBody(bytes, LIMIT)).toBe(bytes);
    }
  });

  it("decodes base64 of zlib-deflated JSON (sentry-raven, sentry-php 1.x), with line breaks and URL-safe letters", () => {
    const deflated = zlib.deflateSync(Buffer.from(json));
    const wrapped = deflated.toString("base64").replace(/(.{20})/g, "$1\n");
    for (const body of [deflated.toString("base64"), wrapped, deflated.toString("base64url")]) {
      expect(decodeLegacyStoreBody(Buffer.from(body), LIMIT).toString()).toBe(json);
    }
  });

  it("decodes zlib and gzip bytes sent without a Content-Encoding, and base64 of plain JSON", () => {
    expect(decodeLegacyStoreBody(zlib.deflateSync(Buffer.from(json)), LIMIT).toString()).toBe(json);
    expect(decodeLegacyStoreBody(zlib.gzipSync(Buffer.from(json)), LIMIT).toString()).toBe(json);
    expect(decodeLegacyStoreBody(Buffer.from(Buffer.from(json).toString("base64")), LIMIT).toString()).toBe(json);
  });

  it("leaves anything else to the JSON parser", () => {
    for (const body of ["not json at all!", "", "SGVsbG8=" /* base64 of 'Hello' */]) {
      const bytes = Buffer.from(body);
      expect(decodeLegacyStoreBody(bytes, LIMIT)).toBe(bytes);
    }
  });

  it("refuses a corrupt stream with 400 and a bomb with 413, without inflating past the limit", () => {
    const corrupt = zlib.deflateSync(Buffer.from(json)).subarray(0, 12);
    expect(statusOf(() => decodeLegacyStoreBody(corrupt, LIMIT))).toBe(400);
    const bomb = zlib.deflateSync(Buffer.alloc(64 * LIMIT, 0x20));
    expect(statusOf(() => decodeLegacyStoreBody(Buffer.from(bomb.toString("base64")), LIMIT))).toBe(413);
    expect(statusOf(() => decodeLegacyStoreBody(zlib.gzipSync(Buffer.alloc(2 * LIMIT, 0x20)), LIMIT))).toBe(413);
  });
});
