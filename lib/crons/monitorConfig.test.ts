import { describe, expect, it } from "vitest";
import { MonitorScheduleSchema } from "@/lib/crons/monitorConfig";

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
});
