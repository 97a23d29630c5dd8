import { describe, expect, it } from "vitest";
import { membersInFixedOrder } from "@/lib/grouping/chain/membersInFixedOrder";

describe("membersInFixedOrder", () => {
  it("keeps the first block of each key, ordered by key, flattened; empty blocks dropped", () => {
    const blocks = [
      { key: "b", block: ["b1", "b1-cause"] },
      { key: "a", block: ["a1"] },
      { key: "b", block: ["b2", "b2-cause"] },
      { key: "c", block: [] },
    ];
    expect(membersInFixedOrder(blocks)).toEqual(["a1", "b1", "b1-cause"]);
    expect(membersInFixedOrder([...blocks].reverse())).toEqual(["a1", "b2", "b2-cause"]);
    expect(membersInFixedOrder([])).toEqual([]);
  });
});
