import { describe, expect, it } from "vitest";
import { quotaDecision, sentryRateLimitsHeader } from "@/lib/lifecycle/quotas/quotaDecision";

const now = Date.parse("2026-06-01T10:20:15.500Z");

describe("quotaDecision", () => {
  it("lets a project under its quotas through", () => {
    expect(quotaDecision({ quotaPerMinute: 10, quotaPerDay: 100 }, { minute: 10, day: 100 }, now)).toEqual({ over: false });
    expect(quotaDecision({ quotaPerMinute: null, quotaPerDay: null }, { minute: null, day: null }, now)).toEqual({ over: false });
  });
  it("holds back to the end of the minute", () => {
    expect(quotaDecision({ quotaPerMinute: 10, quotaPerDay: null }, { minute: 11, day: null }, now)).toEqual({ over: true, retryAfter: 45, which: "minute" });
  });
  it("holds back to the end of the UTC day, which wins over the minute", () => {
    const untilMidnight = Math.ceil((Date.parse("2026-06-02T00:00:00Z") - now) / 1000);
    expect(quotaDecision({ quotaPerMinute: 10, quotaPerDay: 100 }, { minute: 11, day: 101 }, now)).toEqual({ over: true, retryAfter: untilMidnight, which: "day" });
  });
  it("names Sentry's error categories in X-Sentry-Rate-Limits", () => {
    expect(sentryRateLimitsHeader(45)).toBe("45:error;default:project:project_quota");
  });
});
