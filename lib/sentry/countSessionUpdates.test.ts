import { describe, expect, it } from "vitest";
import { foldSessionUpdates, sessionChange } from "@/lib/sentry/countSessionUpdates";
import { mapSessionItem } from "@/lib/sentry/mapSessions";

const started = "2026-01-02T03:04:05Z";
const attrs = { release: "web@1.0", environment: "production" };
const update = (sid: string, patch: Record<string, unknown>) => mapSessionItem({ sid, started, attrs, init: false, status: "ok", errors: 0, ...patch });

describe("foldSessionUpdates", () => {
  it("folds a request's updates to one per session: the worst bucket, where it started; aggregates left out; sorted by id", () => {
    const sessions = [
      ...update("b", { init: true }),
      ...update("a", { status: "crashed", errors: 1 }),
      ...update("b", { errors: 1 }),
      ...update("b", { status: "unhandled", errors: 1 }),
      // A repeated init after the crash does not make it healthy again.
      ...update("b", { init: true }),
      { minute: "2026-01-02T03:04:00.000Z", ok: 5, errored: 0, crashed: 0, abnormal: 0 },
    ];
    expect(foldSessionUpdates(sessions)).toEqual([
      { sid: "a", outcome: "crashed", minute: "2026-01-02T03:04:00.000Z", release: "web@1.0", environment: "production" },
      { sid: "b", outcome: "crashed", minute: "2026-01-02T03:04:00.000Z", release: "web@1.0", environment: "production" },
    ]);
  });

  it("keeps where the session's first update said it started, and '' for a missing release or environment", () => {
    const sessions = [...mapSessionItem({ sid: "c", started, status: "ok" }), ...update("c", { errors: 2 })];
    expect(foldSessionUpdates(sessions)).toEqual([{ sid: "c", outcome: "errored", minute: "2026-01-02T03:04:00.000Z", release: "", environment: "" }]);
  });

  it("reads spooled counts of older versions (no abnormal)", () => {
    expect(foldSessionUpdates([{ minute: "2026-01-02T03:04:00.000Z", ok: 0, errored: 1, crashed: 0, sid: "d" }])[0].outcome).toBe("errored");
  });
});

describe("sessionChange: a CountedSession row the upsert returned, as rollup changes", () => {
  const minute = new Date("2026-01-02T03:04:00.000Z");
  const row = { minute, release: "web@1.0", environment: "production" };

  it("adds a session just counted to its bucket", () => {
    expect(sessionChange({ ...row, outcomeBefore: null, outcome: 0 })).toEqual({
      moved: false,
      counts: { minute: "2026-01-02T03:04:00.000Z", release: "web@1.0", environment: "production", ok: 1, errored: 0, crashed: 0, abnormal: 0 },
    });
  });

  it("moves a session where it was counted (−1 from its old bucket, +1 to the new): the total stays", () => {
    expect(sessionChange({ ...row, outcomeBefore: 0, outcome: 1 })).toEqual({
      moved: true,
      counts: { minute: "2026-01-02T03:04:00.000Z", release: "web@1.0", environment: "production", ok: -1, errored: 1, crashed: 0, abnormal: 0 },
    });
    expect(sessionChange({ ...row, outcomeBefore: 1, outcome: 3 })).toMatchObject({ moved: true, counts: { ok: 0, errored: -1, crashed: 1 } });
  });

  it("leaves out the release and environment a session had none of (execution counts only)", () => {
    expect(sessionChange({ minute, release: "", environment: "", outcomeBefore: null, outcome: 2 })?.counts).toEqual({ minute: "2026-01-02T03:04:00.000Z", ok: 0, errored: 0, crashed: 0, abnormal: 1 });
  });

  it("adds nothing for rows that cannot move: counted before buckets were kept, not worse, or unreadable", () => {
    expect(sessionChange({ minute: null, release: "", environment: "", outcomeBefore: null, outcome: 3 })).toBeNull();
    expect(sessionChange({ ...row, outcomeBefore: 3, outcome: 3 })).toBeNull();
    expect(sessionChange({ ...row, outcomeBefore: 9, outcome: 3 })).toBeNull();
    expect(sessionChange({ ...row, outcomeBefore: null, outcome: 7 })).toBeNull();
  });
});
