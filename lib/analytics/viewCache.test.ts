import { describe, expect, it } from "vitest";
import { ViewCache } from "@/lib/analytics/viewCache";

/** A cache with a hand-driven clock and write sequence, and a computation counter. */
function setup(ttlMs = 5_000, limits: { maxEntries?: number; maxChars?: number } = {}) {
  const state = { now: 1_000_000, sequence: 0, writes: new Map<string, number>(), computed: 0 };
  const cache = new ViewCache({
    ttlMs,
    maxEntries: limits.maxEntries ?? 100,
    maxChars: limits.maxChars ?? 1_000_000,
    now: () => state.now,
    writeClock: () => state.sequence,
    lastWriteTo: (ws) => state.writes.get(ws) ?? 0,
  });
  const write = (ws: string) => state.writes.set(ws, ++state.sequence);
  /** A computation that finishes when `release` is called, returning its number. */
  const deferred = () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      const n = ++state.computed;
      await gate;
      return `view #${n}`;
    };
    return { compute, release };
  };
  const immediate = async () => `view #${++state.computed}`;
  return { cache, state, write, deferred, immediate };
}

describe("ViewCache", () => {
  it("computes concurrent requests for one key once", async () => {
    const { cache, state, deferred } = setup();
    const d = deferred();
    const all = Promise.all(Array.from({ length: 16 }, () => cache.get("k", "ws", d.compute)));
    d.release();
    const results = await all;
    expect(state.computed).toBe(1);
    expect(new Set(results.map((r) => r.body))).toEqual(new Set(["view #1"]));
    expect(results.filter((r) => r.source === "computed")).toHaveLength(1);
    expect(results.filter((r) => r.source === "shared")).toHaveLength(15);
  });

  it("serves a result until it is ttl old, then computes again", async () => {
    const { cache, state, immediate } = setup(5_000);
    expect((await cache.get("k", "ws", immediate)).source).toBe("computed");
    state.now += 4_999;
    expect(await cache.get("k", "ws", immediate)).toMatchObject({ source: "hit", body: "view #1" });
    state.now += 1;
    expect(await cache.get("k", "ws", immediate)).toMatchObject({ source: "computed", body: "view #2" });
  });

  it("never serves a result computed before a write to its workspace", async () => {
    const { cache, write, immediate } = setup();
    await cache.get("a", "ws-a", immediate);
    await cache.get("b", "ws-b", immediate);
    write("ws-a");
    expect(await cache.get("a", "ws-a", immediate)).toMatchObject({ source: "computed", body: "view #3" });
    expect(await cache.get("b", "ws-b", immediate)).toMatchObject({ source: "hit", body: "view #2" });
  });

  it("does not let a request join a computation that began before a write it must see", async () => {
    const { cache, state, write, deferred } = setup();
    const early = deferred();
    const first = cache.get("k", "ws", early.compute);
    write("ws"); // committed while the first computation runs
    const late = deferred();
    const second = cache.get("k", "ws", late.compute);
    const third = cache.get("k", "ws", late.compute); // joins the second, which began after the write
    early.release();
    late.release();
    expect((await first).body).toBe("view #1");
    expect((await second).body).toBe("view #2");
    expect(await third).toMatchObject({ body: "view #2", source: "shared" });
    expect(state.computed).toBe(2);
    // The stored result is the later one, and it is fresh.
    expect(await cache.get("k", "ws", late.compute)).toMatchObject({ body: "view #2", source: "hit" });
  });

  it("keeps the newer result when an older computation finishes last", async () => {
    const { cache, state, deferred } = setup();
    const slow = deferred();
    const slowView = cache.get("k", "ws", slow.compute);
    state.now += 10;
    const quick = deferred();
    const fresh = cache.get("k", "ws", quick.compute, true);
    quick.release();
    await fresh;
    slow.release();
    await slowView;
    expect(await cache.get("k", "ws", slow.compute)).toMatchObject({ body: "view #2", source: "hit" });
  });

  it("computes anew for a fresh request and stores that result", async () => {
    const { cache, immediate } = setup();
    await cache.get("k", "ws", immediate);
    expect(await cache.get("k", "ws", immediate, true)).toMatchObject({ source: "computed", body: "view #2" });
    expect(await cache.get("k", "ws", immediate)).toMatchObject({ source: "hit", body: "view #2" });
  });

  it("never answers one workspace with a result stored for another, even under the same key", async () => {
    const { cache, immediate } = setup();
    await cache.get("k", "ws-a", immediate);
    expect(await cache.get("k", "ws-b", immediate)).toMatchObject({ source: "computed", body: "view #2" });
  });

  it("stores nothing with ttl 0 but still shares concurrent computations", async () => {
    const { cache, state, deferred, immediate } = setup(0);
    const d = deferred();
    const both = Promise.all([cache.get("k", "ws", d.compute), cache.get("k", "ws", d.compute)]);
    d.release();
    await both;
    expect(state.computed).toBe(1);
    expect((await cache.get("k", "ws", immediate)).source).toBe("computed");
    expect(cache.size().entries).toBe(0);
  });

  it("stays within its entry and size bounds, dropping the least recently used", async () => {
    const { cache, immediate } = setup(5_000, { maxEntries: 3, maxChars: 1_000 });
    for (const k of ["a", "b", "c"]) await cache.get(k, "ws", immediate);
    await cache.get("a", "ws", immediate); // a is now the most recently used
    await cache.get("d", "ws", immediate);
    expect(cache.size().entries).toBe(3);
    expect((await cache.get("a", "ws", immediate)).source).toBe("hit");
    expect((await cache.get("b", "ws", immediate)).source).toBe("computed");
    const big = setup(5_000, { maxChars: 20 });
    await big.cache.get("x", "ws", async () => "0123456789");
    await big.cache.get("y", "ws", async () => "0123456789");
    await big.cache.get("z", "ws", async () => "0123456789");
    expect(big.cache.size()).toEqual({ entries: 2, chars: 20 });
    await big.cache.get("huge", "ws", async () => "x".repeat(21));
    expect(big.cache.size().entries).toBe(2); // too big to store at all
  });

  it("passes a failed computation to everyone waiting on it and stores nothing", async () => {
    const { cache, immediate } = setup();
    let fail!: (e: Error) => void;
    const failing = () => new Promise<string>((_, reject) => (fail = reject));
    const a = cache.get("k", "ws", failing);
    const b = cache.get("k", "ws", failing);
    fail(new Error("database went away"));
    await expect(a).rejects.toThrow("database went away");
    await expect(b).rejects.toThrow("database went away");
    expect((await cache.get("k", "ws", immediate)).source).toBe("computed");
  });
});
