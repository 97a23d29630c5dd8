import { describe, expect, it } from "vitest";
import { sessionsOf } from "@/lib/releases/listReleases";

describe("sessionsOf", () => {
  it("is null when no session named the release", () => {
    expect(sessionsOf({ sessionsOk: null, sessionsErrored: null, sessionsCrashed: null, sessionsAbnormal: null })).toBeNull();
    expect(sessionsOf({ sessionsOk: "0", sessionsErrored: "0", sessionsCrashed: "0", sessionsAbnormal: "0" })).toBeNull();
  });

  it("counts errored sessions as not crashed", () => {
    expect(sessionsOf({ sessionsOk: "90", sessionsErrored: "8", sessionsCrashed: "2", sessionsAbnormal: "0" })).toEqual({
      total: 100,
      errored: 8,
      crashed: 2,
      abnormal: 0,
      crashFreeRate: 0.98,
      users: 0,
      crashedUsers: 0,
      crashFreeUserRate: null,
    });
  });

  it("counts abnormal sessions (ANRs, watchdog kills) in the total, not as crashes", () => {
    expect(sessionsOf({ sessionsOk: "2", sessionsErrored: "0", sessionsCrashed: "0", sessionsAbnormal: "2" })).toMatchObject({ total: 4, crashed: 0, abnormal: 2, crashFreeRate: 1 });
    expect(sessionsOf({ sessionsOk: "0", sessionsErrored: "0", sessionsCrashed: "0", sessionsAbnormal: "1" })).toMatchObject({ total: 1, crashFreeRate: 1 });
  });

  it("crash-free users: the share of distinct users without a crashed session; null when no session named its user", () => {
    const row = { sessionsOk: "90", sessionsErrored: "8", sessionsCrashed: "2", sessionsAbnormal: "0" };
    expect(sessionsOf(row, { users: 40, crashed: 1 })).toMatchObject({ users: 40, crashedUsers: 1, crashFreeUserRate: 0.975 });
    expect(sessionsOf(row, { users: 0, crashed: 0 })?.crashFreeUserRate).toBeNull();
  });
});
