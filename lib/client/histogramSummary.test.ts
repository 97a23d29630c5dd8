import { describe, expect, it } from "vitest";
import { histogramSummary } from "@/lib/client/histogramSummary";

describe("histogramSummary", () => {
  it("names the total and the busiest bucket on the viewer's clock", () => {
    const buckets = [
      { start: "2026-12-07T13:00:00.000Z", count: 2 },
      { start: "2026-12-07T14:00:00.000Z", count: 5 },
      { start: "2026-12-07T15:00:00.000Z", count: 5 },
    ];
    expect(histogramSummary(buckets, "hour", "UTC", "the last 24 hours")).toBe("12 events in the last 24 hours; the most in one hour: 5 events, Dec 7, 14:00 UTC.");
    expect(histogramSummary(buckets, "hour", "Asia/Kolkata", "the last 24 hours")).toContain("Dec 7, 19:30 GMT+5:30");
  });

  it("names a day bucket by its UTC day", () => {
    expect(histogramSummary([{ start: "2026-12-07T00:00:00.000Z", count: 1 }], "day", "America/Los_Angeles", "the last 30 days")).toBe(
      "1 event in the last 30 days; the most in one day: 1 event, Dec 7 (UTC day).",
    );
  });

  it("says so when there is nothing", () => {
    expect(histogramSummary([{ start: "2026-12-07T00:00:00.000Z", count: 0 }], "day", "UTC", "the last 30 days")).toBe("No events in the last 30 days.");
    expect(histogramSummary([], "hour", "UTC", "the last 24 hours")).toBe("No events in the last 24 hours.");
  });
});
