import { describe, expect, it } from "vitest";
import { backoffMs, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./retryAfter.js";

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(" 0.5 ")).toBe(500);
  });

  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent or unreadable values and caps long waits", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-5")).toBeUndefined();
    expect(parseRetryAfter("86400")).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe("backoffMs", () => {
  it("doubles from one second up to the cap, with ±20 % jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60_000, mid))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(20, 60_000, mid)).toBe(60_000);
    expect(backoffMs(1, 60_000, () => 0)).toBe(800);
    expect(backoffMs(1, 60_000, () => 1)).toBe(1200);
  });
});
