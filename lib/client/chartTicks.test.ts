import { describe, expect, it } from "vitest";
import { evenTicks } from "@/lib/client/chartTicks";
import { bucketLabel } from "@/lib/client/zonedTime";

const HOUR = 3_600_000;
/** The 7-day chart's 28 six-hour buckets (UTC-aligned, as the rollups are), ending at the current one. */
const sevenDays = Array.from({ length: 28 }, (_, i) => new Date(Date.UTC(2026, 11, 1, 18) + i * 6 * HOUR).toISOString());

const gaps = (ticks: string[]) => ticks.slice(1).map((t, i) => (Date.parse(t) - Date.parse(ticks[i])) / HOUR);

describe("evenTicks", () => {
  it("spaces the 7-day chart's ticks evenly, the newest bucket labelled", () => {
    for (const width of [290, 600, 1150]) {
      const ticks = evenTicks(sevenDays, "sixHours", width);
      expect(ticks.at(-1)).toBe(sevenDays.at(-1));
      expect(new Set(gaps(ticks)).size).toBe(1);
    }
  });

  it("in Los Angeles the labels then fall on one clock time a day apart, not 18 and 12 hours apart", () => {
    const ticks = evenTicks(sevenDays, "sixHours", 700);
    expect(gaps(ticks).every((g) => g === 24)).toBe(true);
    const hours = new Set(ticks.map((t) => bucketLabel(t, "sixHours", "America/Los_Angeles").slice(4)));
    expect(hours.size).toBe(1);
  });

  it("takes the smallest regular step whose labels fit, wider charts getting more", () => {
    const narrow = evenTicks(sevenDays, "sixHours", 290);
    const wide = evenTicks(sevenDays, "sixHours", 1150);
    expect(narrow.length).toBeLessThanOrEqual(Math.floor(290 / 75));
    expect(wide.length).toBeGreaterThan(narrow.length);
    // Every 5-minute bucket of an hour has room on a wide chart.
    const hour = Array.from({ length: 12 }, (_, i) => `m${i}`);
    expect(evenTicks(hour, "minute", 1000)).toEqual(hour);
    // 30 days on a phone: a week apart, ending today.
    const month = Array.from({ length: 30 }, (_, i) => `d${i}`);
    expect(evenTicks(month, "day", 300)).toEqual(["d1", "d8", "d15", "d22", "d29"]);
  });

  it("labels the newest bucket alone when not even two fit, and nothing for no buckets", () => {
    expect(evenTicks(sevenDays, "sixHours", 10)).toEqual([sevenDays[27]]);
    expect(evenTicks([], "day", 500)).toEqual([]);
  });
});
