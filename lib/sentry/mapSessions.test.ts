import { describe, expect, it } from "vitest";
import { mapSessionItem, mapSessionsItem } from "@/lib/sentry/mapSessions";
import { nodeSessionAggregates, sessionUpdateExited } from "@/lib/sentry/__fixtures__/envelopes";

const update = (patch: Record<string, unknown>) => ({ ...sessionUpdateExited, ...patch });

describe("mapSessionItem", () => {
  it("counts a cleanly exited session as ok, in the minute it started", () => {
    expect(mapSessionItem(sessionUpdateExited)).toEqual([
      { minute: "2026-01-01T10:15:00.000Z", release: "web@2.0.0", environment: "production", ok: 1, errored: 0, crashed: 0, abnormal: 0, sid: sessionUpdateExited.sid },
    ]);
  });

  it("carries the session id (each session is counted once, by it), bounded; nothing without one (Sentry refuses such updates)", () => {
    expect(mapSessionItem(update({ sid: "x".repeat(300) }))[0].sid).toHaveLength(128);
    expect(mapSessionItem(update({ sid: undefined }))).toEqual([]);
    expect(mapSessionItem(update({ sid: "  " }))).toEqual([]);
  });

  it.each([
    [{ status: "exited", errors: 2 }, "errored"],
    [{ status: "errored", errors: 1 }, "errored"],
    [{ status: "errored", errors: 0 }, "errored"],
    [{ status: "unhandled", errors: 1 }, "crashed"],
    [{ status: "crashed", errors: 1 }, "crashed"],
    [{ status: "abnormal", errors: 0 }, "abnormal"],
    [{ status: "Abnormal", errors: 1 }, "abnormal"],
    [{ status: "Crashed", errors: 0 }, "crashed"],
    [{ init: true, status: "ok", errors: 0 }, "ok"],
    [{ init: false, status: "ok", errors: 1 }, "errored"],
    [{ status: undefined, errors: 0 }, "ok"],
    [{ status: "paused", errors: 0 }, "ok"],
  ])("maps %o to the bucket %s", (patch, outcome) => {
    const [counts] = mapSessionItem(update(patch));
    expect({ ok: counts.ok, errored: counts.errored, crashed: counts.crashed, abnormal: counts.abnormal }).toEqual({
      ok: 0,
      errored: 0,
      crashed: 0,
      abnormal: 0,
      [outcome]: 1,
    });
  });

  it("maps a running session's updates too (the browser SDKs never end a page load's session)", () => {
    expect(mapSessionItem(update({ init: true, status: "ok", errors: 0 }))).toEqual([
      { minute: "2026-01-01T10:15:00.000Z", release: "web@2.0.0", environment: "production", ok: 1, errored: 0, crashed: 0, abnormal: 0, sid: sessionUpdateExited.sid },
    ]);
  });

  it("accepts numeric timestamps and falls back to timestamp when started is missing", () => {
    expect(mapSessionItem(update({ started: 1767262542.12 }))[0].minute).toBe("2026-01-01T10:15:00.000Z");
    expect(mapSessionItem(update({ started: undefined }))[0].minute).toBe("2026-01-01T10:21:00.000Z");
    expect(mapSessionItem(update({ started: "never", timestamp: "later" }))).toEqual([]);
  });

  it("treats odd error counts as zero and bounds attrs", () => {
    expect(mapSessionItem(update({ errors: "lots" }))[0].ok).toBe(1);
    expect(mapSessionItem(update({ errors: -3 }))[0].ok).toBe(1);
    const [counts] = mapSessionItem(update({ attrs: { release: "r".repeat(300), environment: "   " } }));
    expect(counts.release).toHaveLength(256);
    expect(counts.environment).toBeUndefined();
    expect(mapSessionItem(update({ attrs: undefined }))[0]).toEqual({ minute: "2026-01-01T10:15:00.000Z", ok: 1, errored: 0, crashed: 0, abnormal: 0, sid: sessionUpdateExited.sid });
  });

  it.each([[null], ["session"], [[]], [42]])("ignores the unusable payload %s", (payload) => {
    expect(mapSessionItem(payload)).toEqual([]);
  });
});

describe("mapSessionsItem", () => {
  it("maps @sentry/node request-session aggregates", () => {
    expect(mapSessionsItem(nodeSessionAggregates)).toEqual([
      { minute: "2026-01-01T10:15:00.000Z", release: "billing@1.4.2", environment: "production", ok: 120, errored: 3, crashed: 0, abnormal: 0 },
      { minute: "2026-01-01T10:16:00.000Z", release: "billing@1.4.2", environment: "production", ok: 98, errored: 0, crashed: 1, abnormal: 0 },
    ]);
  });

  it("merges rows of the same minute, folds unhandled into crashed and keeps abnormal apart from crashed", () => {
    const out = mapSessionsItem({
      aggregates: [
        { started: "2026-01-01T10:15:05Z", exited: 1, abnormal: 2 },
        { started: "2026-01-01T10:15:59.999Z", errored: "3", unhandled: 4, crashed: 1 },
        { started: "2026-01-01T10:17:00Z", exited: 0, errored: 0, crashed: 0 },
        { started: "garbage", exited: 5 },
        { exited: 5 },
        null,
        { started: "2026-01-01T10:18:00Z", exited: -4, errored: 1.9 },
      ],
    });
    expect(out).toEqual([
      { minute: "2026-01-01T10:15:00.000Z", ok: 1, errored: 3, crashed: 5, abnormal: 2 },
      { minute: "2026-01-01T10:18:00.000Z", ok: 0, errored: 1, crashed: 0, abnormal: 0 },
    ]);
  });

  it("counts a row of only abnormal sessions (Android ANRs, watchdog kills)", () => {
    expect(mapSessionsItem({ aggregates: [{ started: "2026-01-01T10:15:00Z", abnormal: 2 }] })).toEqual([{ minute: "2026-01-01T10:15:00.000Z", ok: 0, errored: 0, crashed: 0, abnormal: 2 }]);
  });

  it("bounds absurd counts", () => {
    const [counts] = mapSessionsItem({ aggregates: [{ started: "2026-01-01T10:15:00Z", exited: 1e12 }, { started: "2026-01-01T10:15:00Z", exited: 1e12 }] });
    expect(counts.ok).toBe(1_000_000_000);
  });

  it.each([[null], [{}], [{ aggregates: "x" }], [{ aggregates: [] }]])("returns nothing for %o", (payload) => {
    expect(mapSessionsItem(payload)).toEqual([]);
  });
});

describe("the session's user (did): crash-free users", () => {
  const started = "2026-01-02T03:04:05Z";
  it("carries a single session's did, bounded; none when absent or blank", () => {
    expect(mapSessionItem({ sid: "s1", did: "ada@example.com", status: "crashed", started, attrs: { release: "r1" } })[0]).toMatchObject({ did: "ada@example.com", crashed: 1 });
    expect(mapSessionItem({ sid: "s2", did: "x".repeat(1000), status: "exited", started })[0].did).toHaveLength(256);
    expect(mapSessionItem({ sid: "s3", did: "  ", status: "exited", started })[0].did).toBeUndefined();
    expect(mapSessionItem({ sid: "s4", status: "exited", started })[0].did).toBeUndefined();
  });

  it("keeps aggregate rows of different users apart, and merges one user's rows of a minute", () => {
    const rows = mapSessionsItem({
      aggregates: [
        { started, did: "ada", exited: 2 },
        { started, did: "bob", crashed: 1 },
        { started, did: "ada", errored: 1 },
        { started, exited: 5 },
      ],
      attrs: { release: "r1" },
    });
    expect(rows.map((r) => [r.did, r.ok, r.errored, r.crashed])).toEqual([
      ["ada", 2, 1, 0],
      ["bob", 0, 0, 1],
      [undefined, 5, 0, 0],
    ]);
  });
});
