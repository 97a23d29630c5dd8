import { describe, expect, it } from "vitest";
import { groupBy } from "@/lib/text/groupBy";

describe("groupBy", () => {
  it("lists items by key, keys and items in their order", () => {
    const grouped = groupBy(["b1", "a1", "b2"], (s) => s[0]);
    expect([...grouped.entries()]).toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1"]],
    ]);
  });
});
