import { afterEach, describe, expect, it, vi } from "vitest";
import { readThroughCache } from "@/lib/db/readThroughCache";

const options = { maxAgeMs: 4000, refreshAfterMs: 1000, missMaxAgeMs: 2000, maxEntries: 100 };
let n = 0;
const freshName = () => `test-cache-${n++}`;

afterEach(() => {
  vi.useRealTimers();
});

describe("readThroughCache", () => {
  it("shares one read between concurrent misses and serves the value without reading again", async () => {
    const load = vi.fn(async (key: string) => `v:${key}`);
    const cache = readThroughCache(freshName(), load, options);
    expect(await Promise.all([cache.get("a"), cache.get("a")])).toEqual(["v:a", "v:a"]);
    expect(await cache.get("a")).toBe("v:a");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("refreshes in the background after refreshAfterMs and never serves a value older than maxAgeMs", async () => {
    vi.useFakeTimers({ now: 0 });
    let version = 1;
    const load = vi.fn(async () => `v${version}`);
    const cache = readThroughCache(freshName(), load, options);
    expect(await cache.get("k")).toBe("v1");
    version = 2;
    vi.setSystemTime(1500);
    expect(await cache.get("k")).toBe("v1"); // served stale, refresh started
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(2);
    expect(await cache.get("k")).toBe("v2");
    version = 3;
    vi.setSystemTime(1500 + 4000); // past maxAge of the v2 read: must wait for a fresh one
    expect(await cache.get("k")).toBe("v3");
  });

  it("keeps misses for missMaxAgeMs only", async () => {
    vi.useFakeTimers({ now: 0 });
    let exists = false;
    const cache = readThroughCache(freshName(), async () => (exists ? "found" : null), options);
    expect(await cache.get("k")).toBeNull();
    exists = true;
    vi.setSystemTime(1999);
    expect(await cache.get("k")).toBeNull();
    vi.setSystemTime(2000);
    expect(await cache.get("k")).toBe("found");
  });

  it("forget drops the value and ignores a read that started before it", async () => {
    let release!: (v: string) => void;
    let calls = 0;
    const cache = readThroughCache(freshName(), (key) => (calls++ === 0 ? new Promise<string>((r) => (release = r)) : Promise.resolve(`fresh:${key}`)), options);
    const first = cache.get("k");
    await new Promise((r) => setTimeout(r, 2));
    cache.forget("k");
    release("stale");
    expect(await first).toBe("stale");
    expect(await cache.get("k")).toBe("fresh:k");
  });
});
