import { describe, expect, it } from "vitest";
import { slotMask, spreadSlots } from "@/lib/analytics/timelineBuckets";

const HOUR = 3_600_000;

describe("hour bits → timeline slots", () => {
  it("masks one hour or six hours of a day", () => {
    expect(slotMask(0, 1)).toBe(1);
    expect(slotMask(23, 1)).toBe(1 << 23);
    expect(slotMask(0, 6)).toBe(0b111111);
    expect(slotMask(3, 6)).toBe(0b111111 << 18);
    // The four 6-hour slots cover the 24 hour bits exactly once.
    expect(slotMask(0, 6) | slotMask(1, 6) | slotMask(2, 6) | slotMask(3, 6)).toBe((1 << 24) - 1);
    expect(slotMask(0, 6) & slotMask(1, 6)).toBe(0);
  });

  it("places each slot's count at its start and keeps only the range", () => {
    const day = new Date("2026-11-24T00:00:00Z");
    const slots = Array.from({ length: 24 }, (_, h) => h); // slot h counted h groups
    const out = spreadSlots([{ start: day, slots }], HOUR, new Date(day.getTime() + 10 * HOUR), new Date(day.getTime() + 13 * HOUR));
    expect([...out.entries()]).toEqual([
      [day.getTime() + 10 * HOUR, 10],
      [day.getTime() + 11 * HOUR, 11],
      [day.getTime() + 12 * HOUR, 12],
    ]);
  });

  it("leaves empty slots out", () => {
    const week = new Date("2026-11-23T00:00:00Z"); // a Monday
    const out = spreadSlots([{ start: week, slots: [0, 2, 0, 0, 0, 0, 1] }], 24 * HOUR, week, new Date(week.getTime() + 7 * 24 * HOUR));
    expect([...out.values()]).toEqual([2, 1]);
    expect(new Date([...out.keys()][1]).toISOString()).toBe("2026-11-29T00:00:00.000Z");
  });
});
