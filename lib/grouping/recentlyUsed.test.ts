import { describe, expect, it } from "vitest";
import { RecentlyUsed } from "@/lib/grouping/recentlyUsed";

describe("RecentlyUsed", () => {
  it("drops the least recently used entry past its bound; reading or setting an entry makes it the newest", () => {
    const cache = new RecentlyUsed<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    cache.set("a", 4);
    cache.set("d", 5);
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([4, undefined, 5]);
  });
});
