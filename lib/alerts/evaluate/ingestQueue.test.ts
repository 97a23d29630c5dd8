import { describe, expect, it } from "vitest";
import { mergeBatches } from "@/lib/alerts/evaluate/ingestQueue";

const group = (groupId: string, counts: Record<string, number>) => ({ groupId, projectId: "p", groupSeverity: "high" as const, type: "E", message: "m", counts });

describe("mergeBatches", () => {
  it("adds counts per group and severity and unions new and regressed groups", () => {
    const merged = mergeBatches(
      { workspaceId: "w", groups: [group("g1", { high: 2 })], newGroupIds: ["g1"], regressedGroupIds: [] },
      { workspaceId: "w", groups: [group("g1", { high: 3, low: 1 }), group("g2", { critical: 1 })], newGroupIds: ["g2"], regressedGroupIds: ["g1"] },
    );
    expect(merged.groups.map((g) => [g.groupId, g.counts])).toEqual([
      ["g1", { high: 5, low: 1 }],
      ["g2", { critical: 1 }],
    ]);
    expect(merged.newGroupIds).toEqual(["g1", "g2"]);
    expect(merged.regressedGroupIds).toEqual(["g1"]);
  });
});
