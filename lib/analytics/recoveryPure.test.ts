import { describe, expect, it } from "vitest";
import { histogramPercentile, summarise } from "@/lib/analytics/stats";
import { splitWholeDays } from "@/lib/analytics/wholeDays";
import { timeWindow } from "@/lib/analytics/timeWindow";

const at = (iso: string) => new Date(iso);

describe("splitWholeDays", () => {
  it("answers a day-aligned 30d window from whole days only", () => {
    const w = timeWindow("30d", at("2026-12-02T11:40:00Z"));
    expect(splitWholeDays(w.start, w.end)).toEqual({ days: { from: "2026-11-03", to: "2026-12-03" }, edges: [] });
  });

  it("splits a 7d window into its whole days and the partial days at both ends", () => {
    const w = timeWindow("7d", at("2026-12-02T11:40:00Z")); // [11-25 12:00, 12-02 12:00)
    expect(splitWholeDays(w.start, w.end)).toEqual({
      days: { from: "2026-11-26", to: "2026-12-02" },
      edges: [
        { from: at("2026-11-25T12:00:00Z"), to: at("2026-11-26T00:00:00Z") },
        { from: at("2026-12-02T00:00:00Z"), to: at("2026-12-02T12:00:00Z") },
      ],
    });
  });

  it("has no whole day in a 24h window across one midnight, or in a range inside one day", () => {
    const w = timeWindow("24h", at("2026-12-02T11:40:00Z"));
    expect(splitWholeDays(w.start, w.end)).toEqual({ days: null, edges: [{ from: w.start, to: w.end }] });
    expect(splitWholeDays(at("2026-12-02T01:00:00Z"), at("2026-12-02T02:00:00Z")).days).toBeNull();
  });

  it("keeps a range of exactly one UTC day whole, and an empty range empty", () => {
    expect(splitWholeDays(at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"))).toEqual({ days: { from: "2026-12-01", to: "2026-12-02" }, edges: [] });
    expect(splitWholeDays(at("2026-12-01T05:00:00Z"), at("2026-12-01T05:00:00Z"))).toEqual({ days: null, edges: [] });
  });
});

describe("histogramPercentile", () => {
  it("takes the same nearest rank as summarise does in the list the histogram counts", () => {
    const values = [5, 1, 3, 3, 3, 9, 9, 2, 7, 7, 7, 7, 4, 1, 8, 6, 6, 2, 9, 10, 3];
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const histogram = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
    const listed = summarise(values);
    expect(histogramPercentile(histogram, 0.5)).toBe(listed.median);
    expect(histogramPercentile(histogram, 0.95)).toBe(listed.p95);
    expect(histogramPercentile(histogram, 0)).toBe(1);
    expect(histogramPercentile(histogram, 1)).toBe(10);
  });

  it("is 0 for an empty histogram and ignores buckets counted down to zero", () => {
    expect(histogramPercentile([], 0.5)).toBe(0);
    expect(histogramPercentile([{ value: 100, count: 0 }, { value: 200, count: 1 }], 0.5)).toBe(200);
  });
});
