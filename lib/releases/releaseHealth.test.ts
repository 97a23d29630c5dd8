import { describe, expect, it } from "vitest";
import { adoptionShare, chartDays, crashFreeRate, dailySeries, environmentHealth } from "@/lib/releases/releaseHealth";

describe("adoptionShare", () => {
  it("is the release's share of every release's sessions, unknown without any", () => {
    expect(adoptionShare(25, 100)).toBe(0.25);
    expect(adoptionShare(0, 100)).toBe(0);
    expect(adoptionShare(0, 0)).toBeNull();
    expect(adoptionShare(5, 4)).toBe(1);
  });
});

describe("crashFreeRate", () => {
  it("counts errored sessions as not crashed and is null without sessions", () => {
    expect(crashFreeRate({ ok: 90, errored: 8, crashed: 2, abnormal: 0 })).toBe(0.98);
    expect(crashFreeRate({ ok: 0, errored: 0, crashed: 0, abnormal: 0 })).toBeNull();
  });

  it("counts abnormal sessions (ANRs, watchdog kills) as sessions, not as crashes", () => {
    expect(crashFreeRate({ ok: 2, errored: 0, crashed: 0, abnormal: 2 })).toBe(1);
    expect(crashFreeRate({ ok: 0, errored: 0, crashed: 0, abnormal: 3 })).toBe(1);
    expect(crashFreeRate({ ok: 1, errored: 0, crashed: 1, abnormal: 2 })).toBe(0.75);
  });
});

describe("dailySeries", () => {
  // Late in a UTC day, so a local-time or off-by-one day would show.
  const today = new Date("2026-03-02T23:59:59.999Z");

  it("gives every day of the range oldest first, zero where the rollups have no row, across a month end", () => {
    const series = dailySeries(today, 3, [{ day: "2026-03-01", events: 4 }], []);
    expect(series.map((d) => [d.day, d.events, d.crashFreeRate])).toEqual([
      ["2026-02-28", 0, null],
      ["2026-03-01", 4, null],
      ["2026-03-02", 0, null],
    ]);
  });

  it("adds sessions of several environments of a day and ignores days outside the range", () => {
    const series = dailySeries(
      today,
      2,
      [
        { day: "2026-03-02", events: 1 },
        { day: "2026-02-27", events: 99 },
      ],
      [
        { day: "2026-03-02", ok: 8, errored: 1, crashed: 1, abnormal: 0 },
        { day: "2026-03-02", ok: 10, errored: 0, crashed: 0, abnormal: 0 },
        { day: "2026-03-03", ok: 5, errored: 0, crashed: 5, abnormal: 0 },
      ],
    );
    expect(series).toEqual([
      { day: "2026-03-01", events: 0, sessions: { ok: 0, errored: 0, crashed: 0, abnormal: 0 }, crashFreeRate: null },
      { day: "2026-03-02", events: 1, sessions: { ok: 18, errored: 1, crashed: 1, abnormal: 0 }, crashFreeRate: 0.95 },
    ]);
  });
});

describe("environmentHealth", () => {
  it("sums each environment's days, most sessions first, and drops environments without a session", () => {
    expect(
      environmentHealth([
        { environment: "production", ok: 50, errored: 0, crashed: 0, abnormal: 0 },
        { environment: "staging", ok: 1, errored: 0, crashed: 1, abnormal: 0 },
        { environment: "android", ok: 2, errored: 0, crashed: 0, abnormal: 2 },
        { environment: "production", ok: 40, errored: 5, crashed: 5, abnormal: 0 },
        { environment: "", ok: 0, errored: 0, crashed: 0, abnormal: 0 },
      ]),
    ).toEqual([
      { environment: "production", ok: 90, errored: 5, crashed: 5, abnormal: 0, total: 100, crashFreeRate: 0.95 },
      { environment: "android", ok: 2, errored: 0, crashed: 0, abnormal: 2, total: 4, crashFreeRate: 1 },
      { environment: "staging", ok: 1, errored: 0, crashed: 1, abnormal: 0, total: 2, crashFreeRate: 0.5 },
    ]);
  });
});

describe("chartDays", () => {
  const today = new Date("2026-03-02T00:00:01.000Z");

  it("reaches back to the release's first UTC day, between 7 and 30 days", () => {
    expect(chartDays("2026-02-20T23:59:00.000Z", today)).toBe(11);
    expect(chartDays("2026-03-01T23:59:00.000Z", today)).toBe(7);
    expect(chartDays("2025-01-01T00:00:00.000Z", today)).toBe(30);
    // Seen first in the future (a skewed clock): still a week.
    expect(chartDays("2026-03-09T00:00:00.000Z", today)).toBe(7);
  });
});
