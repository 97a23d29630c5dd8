import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { databaseKnownDown, markDatabaseUp } from "@/lib/db/databaseDown";
import { stallWatchedPool, suspectsOf } from "@/lib/db/stallWatch";

const config = { connectionString: "postgresql://nowhere.invalid/x" };
/** A checked-out client (as the pool's events carry it) whose socket can be destroyed, without a server. */
function client() {
  const destroy = vi.fn();
  return Object.assign(new EventEmitter(), { connection: { stream: { destroy } }, destroy });
}

describe("suspectsOf", () => {
  it("takes the connections out longer than the limit, the shorter one while the server is known down", () => {
    const out = new Map([
      ["a", 0],
      ["b", 3_000],
      ["c", 5_500],
    ]);
    expect(suspectsOf(out, 6_000, false)).toEqual(["a"]);
    expect(suspectsOf(out, 6_000, true)).toEqual(["a", "b"]);
  });
});

describe("stallWatchedPool", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    markDatabaseUp();
  });
  afterEach(() => {
    vi.useRealTimers();
    markDatabaseUp();
  });

  for (const [outcome, closed] of [
    ["silent", true],
    ["answers", false],
    ["refused", false],
  ] as const) {
    it(`${closed ? "closes" : "leaves"} a connection out for 5 s when the probe finds the server ${outcome}`, async () => {
      const probe = vi.fn(async () => outcome);
      const pool = stallWatchedPool(config, { primary: true, probe });
      const stuck = client();
      const quick = client();
      pool.emit("acquire", stuck);
      pool.emit("acquire", quick);
      await vi.advanceTimersByTimeAsync(3_000);
      pool.emit("release", undefined, quick);
      expect(probe).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(3_000);
      expect(probe).toHaveBeenCalledWith(config);
      expect(stuck.destroy).toHaveBeenCalledTimes(closed ? 1 : 0);
      expect(quick.destroy).not.toHaveBeenCalled();
      // The closed connection's error event is heard (an unheard one would be thrown).
      if (closed) expect(() => stuck.emit("error", new Error("Connection terminated unexpectedly"))).not.toThrow();
    });
  }

  it("watches a connection while it connects: one that never finishes is closed when the server is silent", async () => {
    const probe = vi.fn(async () => "silent" as const);
    const pool = stallWatchedPool(config, { primary: true, probe });
    const connecting = new (pool as unknown as { Client: new (options: object) => EventEmitter & { connection: { stream: { destroy(): void } } } }).Client(config);
    const destroy = vi.spyOn(connecting.connection.stream, "destroy").mockImplementation(() => undefined);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(probe).toHaveBeenCalled();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it("a read replica's silence is its own: the primary is not marked down for the ingest path", async () => {
    const probe = vi.fn(async () => "silent" as const);
    const replica = stallWatchedPool(config, { primary: false, probe });
    replica.emit("acquire", client());
    await vi.advanceTimersByTimeAsync(6_000);
    expect(probe).toHaveBeenCalled();
    expect(databaseKnownDown()).toBe(false);
    const primary = stallWatchedPool(config, { primary: true, probe });
    primary.emit("acquire", client());
    await vi.advanceTimersByTimeAsync(6_000);
    expect(databaseKnownDown()).toBe(true);
  });

  it("does not probe for connections given back in time", async () => {
    const probe = vi.fn(async () => "silent" as const);
    const pool = stallWatchedPool(config, { primary: true, probe });
    for (let i = 0; i < 10; i++) {
      const c = client();
      pool.emit("acquire", c);
      await vi.advanceTimersByTimeAsync(1_000);
      pool.emit("release", undefined, c);
    }
    expect(probe).not.toHaveBeenCalled();
  });
});
