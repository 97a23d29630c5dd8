import { describe, expect, it } from "vitest";
import { MonitorScheduleSchema, UpdateMonitorSchema } from "@/lib/crons/monitorConfig";

describe("monitor schedules", () => {
  it("take intervals of up to 100 years in any unit", () => {
    for (const schedule of [
      { type: "interval", value: 5, unit: "minute" },
      { type: "interval", value: 500_000, unit: "hour" },
      { type: "interval", value: 1_200, unit: "month" },
      { type: "interval", value: 100, unit: "year" },
      { type: "crontab", value: "0 * * * *" },
    ]) {
      expect(MonitorScheduleSchema.safeParse(schedule).success, JSON.stringify(schedule)).toBe(true);
    }
  });

  it("refuse an interval whose next run would be no date, naming the value", () => {
    for (const schedule of [
      { type: "interval", value: 101, unit: "year" },
      { type: "interval", value: 1_000_000, unit: "year" },
      { type: "interval", value: 1_000_000, unit: "week" },
    ]) {
      const result = MonitorScheduleSchema.safeParse(schedule);
      expect(result.success, JSON.stringify(schedule)).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["value"]);
    }
  });

  it("refuse a crontab that never fires, naming the value; a leap day or a day-of-week alternative is fine", () => {
    for (const value of ["0 0 31 2 *", "0 0 30 2 *", "0 12 31 4,6,9,11 *"]) {
      const result = MonitorScheduleSchema.safeParse({ type: "crontab", value });
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ["value"], message: expect.stringContaining("never fires") });
    }
    for (const value of ["0 0 29 2 *", "0 0 31 2 1", "0 0 31 * *"]) expect(MonitorScheduleSchema.safeParse({ type: "crontab", value }).success, value).toBe(true);
    // The monitor settings' PATCH takes the same schedules.
    expect(UpdateMonitorSchema.safeParse({ schedule: { type: "crontab", value: "0 0 31 2 *" } }).error?.issues[0].path).toEqual(["schedule", "value"]);
  });
});
