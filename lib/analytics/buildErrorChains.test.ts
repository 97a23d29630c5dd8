import { describe, expect, it } from "vitest";
import { buildErrorChains, type ChainGroup } from "@/lib/analytics/buildErrorChains";

const group = (id: string, extra: Partial<ChainGroup> = {}): [string, ChainGroup] => [
  id,
  { id, type: `${id}Error`, category: "unknown", status: "new", regressed: false, ...extra },
];

describe("buildErrorChains", () => {
  it("makes A → B → C one chain rooted at A", () => {
    const chains = buildErrorChains(
      [
        { parentGroupId: "A", childGroupId: "B", count: 3, creditsLost: 1 },
        { parentGroupId: "B", childGroupId: "C", count: 2, creditsLost: 0.5 },
      ],
      new Map([group("A"), group("B"), group("C")]),
    );
    expect(chains).toEqual([
      {
        rootErrorId: "A",
        rootError: "AError",
        cascadingErrorIds: ["B", "C"],
        cascadingErrors: ["BError", "CError"],
        totalImpact: 5,
        creditsLost: 1.5,
        preventable: false,
      },
    ]);
  });

  it("keeps separate roots apart and orders by impact", () => {
    const chains = buildErrorChains(
      [
        { parentGroupId: "A", childGroupId: "B", count: 1, creditsLost: 0 },
        { parentGroupId: "X", childGroupId: "Y", count: 9, creditsLost: 0 },
      ],
      new Map([group("A"), group("B"), group("X", { category: "timeout" }), group("Y")]),
    );
    expect(chains.map((c) => [c.rootErrorId, c.preventable])).toEqual([
      ["X", true],
      ["A", false],
    ]);
  });

  it("survives cycles", () => {
    const chains = buildErrorChains(
      [
        { parentGroupId: "A", childGroupId: "B", count: 1, creditsLost: 0 },
        { parentGroupId: "B", childGroupId: "A", count: 1, creditsLost: 0 },
      ],
      new Map([group("A"), group("B")]),
    );
    expect(chains).toHaveLength(1);
    expect(chains[0].cascadingErrorIds).toEqual(["B"]);
  });

  it("marks a regressed root as preventable", () => {
    const [chain] = buildErrorChains([{ parentGroupId: "A", childGroupId: "B", count: 1, creditsLost: 0 }], new Map([group("A", { regressed: true }), group("B")]));
    expect(chain.preventable).toBe(true);
  });
});
