import { describe, expect, it } from "vitest";
import { describeSchedule, nextDueAfterRun, nextExpectedAt } from "@/lib/crons/monitorSchedule";

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

describe("nextDueAfterRun", () => {
  const hourly = { type: "crontab", value: "0 * * * *" } as const;
  const iso = (d: Date | null) => d?.toISOString() ?? null;

  it("takes a run that checks in seconds before its tick for that tick's run", () => {
    // Due at 10:00; the host clock runs 3 s ahead of ours.
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T09:59:57Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T11:00:00.000Z");
    // Up to a minute for an hourly job; a tenth of the gap for shorter ones (6 s every minute).
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T09:59:00Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T11:00:00.000Z");
    const everyMinute = { type: "crontab", value: "* * * * *" } as const;
    expect(iso(nextDueAfterRun(everyMinute, at("2026-12-03T09:59:55Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T10:01:00.000Z");
    expect(iso(nextDueAfterRun(everyMinute, at("2026-12-03T09:59:50Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T10:00:00.000Z");
  });

  it("is the next tick otherwise: a run well before its tick, on or after it, or without a due time", () => {
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T09:58:30Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T10:00:00.000Z");
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T10:00:02Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T11:00:00.000Z");
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T09:59:57Z"), "UTC", null))).toBe("2026-12-03T10:00:00.000Z");
    // Due at a later tick than the next one (a schedule just changed): nothing to be early for.
    expect(iso(nextDueAfterRun(hourly, at("2026-12-03T09:59:57Z"), "UTC", at("2026-12-03T11:00:00Z")))).toBe("2026-12-03T10:00:00.000Z");
    expect(iso(nextDueAfterRun({ type: "interval", value: 1, unit: "hour" }, at("2026-12-03T09:59:57Z"), "UTC", at("2026-12-03T10:00:00Z")))).toBe("2026-12-03T10:59:57.000Z");
  });
});

describe("describeSchedule", () => {
  it("says the crontab with its zone, or the interval in words", () => {
    expect(describeSchedule({ type: "crontab", value: " 0 3 * * * " }, "Europe/Berlin")).toBe("0 3 * * * (Europe/Berlin)");
    expect(describeSchedule({ type: "interval", value: 1, unit: "day" }, "UTC")).toBe("every day");
    expect(describeSchedule({ type: "interval", value: 30, unit: "minute" }, "UTC")).toBe("every 30 minutes");
  });
});
