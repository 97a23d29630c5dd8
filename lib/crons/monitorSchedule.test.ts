import { describe, expect, it } from "vitest";
import { describeSchedule, nextExpectedAt } from "@/lib/crons/monitorSchedule";

const at = (iso: string) => new Date(iso);

describe("nextExpectedAt", () => {
  it("is the crontab's next tick in the monitor's time zone", () => {
    expect(nextExpectedAt({ type: "crontab", value: "0 3 * * *" }, at("2026-12-03T10:15:00Z"), "Europe/Berlin")?.toISOString()).toBe("2026-12-04T02:00:00.000Z");
    expect(nextExpectedAt({ type: "crontab", value: "*/15 * * * *" }, at("2026-12-03T10:15:30Z"), "UTC")?.toISOString()).toBe("2026-12-03T10:30:00.000Z");
  });

  it("adds the interval to the last check-in", () => {
    expect(nextExpectedAt({ type: "interval", value: 2, unit: "hour" }, at("2026-12-03T10:15:30Z"), "UTC")?.toISOString()).toBe("2026-12-03T12:15:30.000Z");
    expect(nextExpectedAt({ type: "interval", value: 1, unit: "week" }, at("2026-12-03T10:00:00Z"), "UTC")?.toISOString()).toBe("2026-12-10T10:00:00.000Z");
    expect(nextExpectedAt({ type: "interval", value: 1, unit: "month" }, at("2026-01-31T10:00:00Z"), "UTC")?.getUTCMonth()).toBe(1);
    expect(nextExpectedAt({ type: "interval", value: 1, unit: "year" }, at("2026-03-01T00:00:00Z"), "UTC")?.getUTCFullYear()).toBe(2027);
  });

  it("is null for a crontab that never ticks again", () => {
    expect(nextExpectedAt({ type: "crontab", value: "0 0 30 2 *" }, at("2026-12-03T10:00:00Z"), "UTC")).toBeNull();
  });
});

describe("describeSchedule", () => {
  it("says the crontab with its zone, or the interval in words", () => {
    expect(describeSchedule({ type: "crontab", value: " 0 3 * * * " }, "Europe/Berlin")).toBe("0 3 * * * (Europe/Berlin)");
    expect(describeSchedule({ type: "interval", value: 1, unit: "day" }, "UTC")).toBe("every day");
    expect(describeSchedule({ type: "interval", value: 30, unit: "minute" }, "UTC")).toBe("every 30 minutes");
  });
});
