import { describe, expect, it } from "vitest";
import { outcomeChange, outcomeOfRank, outcomeRank, sessionOutcome, SESSION_OUTCOMES, worseOutcome } from "@/lib/sentry/sessionOutcome";

describe("sessionOutcome", () => {
  it.each([
    ["ok", 0, "ok"],
    ["ok", 1, "errored"],
    ["exited", 0, "ok"],
    ["exited", 3, "errored"],
    ["errored", 0, "errored"],
    // @sentry/browser 10+: an unhandled error; v7–v9 sent "crashed" for the same.
    ["unhandled", 1, "crashed"],
    ["crashed", 1, "crashed"],
    ["crashed", 0, "crashed"],
    // An ANR or a watchdog kill: not a crash, and not errored either.
    ["abnormal", 2, "abnormal"],
    [" CRASHED ", 0, "crashed"],
    [undefined, 0, "ok"],
    [undefined, 1, "errored"],
    ["paused", 0, "ok"],
    [42, 0, "ok"],
  ])("status %o with %i errors is %s", (status, errors, outcome) => {
    expect(sessionOutcome(status, errors)).toBe(outcome);
  });
});

describe("buckets", () => {
  it("rank ok < errored < abnormal < crashed, stored as 0–3 and read back", () => {
    expect(SESSION_OUTCOMES.map(outcomeRank)).toEqual([0, 1, 2, 3]);
    for (const outcome of SESSION_OUTCOMES) expect(outcomeOfRank(outcomeRank(outcome))).toBe(outcome);
    expect(outcomeOfRank(4)).toBeUndefined();
    expect(outcomeOfRank(null)).toBeUndefined();
    expect(worseOutcome("errored", "crashed")).toBe("crashed");
    expect(worseOutcome("abnormal", "errored")).toBe("abnormal");
    expect(worseOutcome("ok", "ok")).toBe("ok");
  });
});

describe("outcomeChange: what a session's update does to the rollups", () => {
  it("counts a session not seen yet once, in the bucket its first update shows", () => {
    expect(outcomeChange(undefined, "ok")).toEqual({ ok: 1, errored: 0, crashed: 0, abnormal: 0 });
    // First seen without its init (lost, or sent later): counted all the same, once.
    expect(outcomeChange(undefined, "crashed")).toEqual({ ok: 0, errored: 0, crashed: 1, abnormal: 0 });
  });

  it("moves a counted session to a worse bucket: the total stays", () => {
    expect(outcomeChange("ok", "errored")).toEqual({ ok: -1, errored: 1, crashed: 0, abnormal: 0 });
    expect(outcomeChange("errored", "crashed")).toEqual({ ok: 0, errored: -1, crashed: 1, abnormal: 0 });
    expect(outcomeChange("ok", "crashed")).toEqual({ ok: -1, errored: 0, crashed: 1, abnormal: 0 });
    expect(outcomeChange("errored", "abnormal")).toEqual({ ok: 0, errored: -1, crashed: 0, abnormal: 1 });
  });

  it("changes nothing for a repeated, late or better update", () => {
    expect(outcomeChange("ok", "ok")).toBeNull();
    expect(outcomeChange("crashed", "crashed")).toBeNull();
    // The init arriving after the crash, or an exit after an error: the worst stays.
    expect(outcomeChange("crashed", "ok")).toBeNull();
    expect(outcomeChange("errored", "ok")).toBeNull();
    expect(outcomeChange("crashed", "abnormal")).toBeNull();
  });

  it("a browser page load's updates (init ok → errors: 1 → unhandled) add up to one crashed session", () => {
    const steps: [undefined | "ok" | "errored", "ok" | "errored" | "crashed"][] = [
      [undefined, "ok"],
      ["ok", "errored"],
      ["errored", "crashed"],
    ];
    const total = { ok: 0, errored: 0, crashed: 0, abnormal: 0 };
    for (const [before, after] of steps) {
      const change = outcomeChange(before, after)!;
      for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += change[key];
    }
    expect(total).toEqual({ ok: 0, errored: 0, crashed: 1, abnormal: 0 });
  });
});
