import { describe, expect, it } from "vitest";
import { decideAfterAttempt, isRetryableHttpStatus, retryDelayMs } from "@/lib/alerts/notify/backoff";

const now = new Date("2026-01-01T00:00:00Z");
const failed = { ok: false, retryable: true, durationMs: 3, error: "HTTP 500", status: 500 };

describe("delivery backoff", () => {
  it("grows 2 s → 10 s → 1 min → 5 min → 30 min, with jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => retryDelayMs(n, mid))).toEqual([2_000, 10_000, 60_000, 300_000, 1_800_000, 1_800_000, 1_800_000]);
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 0.999999)).toBe(2_400);
  });

  it("retries retryable failures until attempts are used up", () => {
    expect(decideAfterAttempt(failed, 1, 6, now, () => 0.5)).toEqual({ status: "pending", nextAttemptAt: new Date(now.getTime() + 2_000) });
    expect(decideAfterAttempt(failed, 6, 6, now)).toEqual({ status: "failed" });
  });

  it("gives up at once on permanent failures and stops on success", () => {
    expect(decideAfterAttempt({ ...failed, retryable: false }, 1, 6, now)).toEqual({ status: "failed" });
    expect(decideAfterAttempt({ ok: true, retryable: false, durationMs: 1 }, 3, 6, now)).toEqual({ status: "delivered" });
  });

  it("retries 5xx, 408 and 429 only", () => {
    expect([500, 502, 408, 429].every(isRetryableHttpStatus)).toBe(true);
    expect([400, 401, 404, 410].some(isRetryableHttpStatus)).toBe(false);
  });
});
