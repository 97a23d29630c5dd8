import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import type { EvaluableRule } from "@/lib/alerts/evaluate/evaluableRule";
import { planIngestEvaluation, type TouchedGroup } from "@/lib/alerts/evaluate/planIngestEvaluation";

const rules: EvaluableRule[] = DEFAULT_RULES.map((r) => ({ ...r, id: r.defaultKey, workspaceId: "w" }));
const group = (id: string, counts: TouchedGroup["counts"], groupSeverity: TouchedGroup["groupSeverity"] = "medium"): TouchedGroup => ({
  groupId: id,
  projectId: "p",
  groupSeverity,
  type: "TypeError",
  message: "boom",
  counts,
});
const plan = (groups: TouchedGroup[], newGroupIds: string[] = [], regressedGroupIds: string[] = []) =>
  planIngestEvaluation(rules, { workspaceId: "w", groups, newGroupIds, regressedGroupIds });

describe("planIngestEvaluation", () => {
  it("fires the critical rule on one critical event, counting each event as a crossing", () => {
    const { triggers } = plan([group("g1", { critical: 3 }, "critical")]);
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ errorGroupId: "g1", severity: "critical", value: 3, increment: 3 });
    expect(triggers[0].rule.id).toBe("severity-critical");
  });

  it("does not fire on events below critical", () => {
    expect(plan([group("g1", { high: 50, medium: 50, low: 50 })]).triggers).toEqual([]);
  });

  it("turns windowed severities into database checks only for groups that got such events", () => {
    const { windowChecks } = plan([group("g1", { high: 1 }), group("g2", { low: 2 })]);
    expect(windowChecks.map((c) => [c.rule.id, c.group.groupId])).toEqual([
      ["severity-high", "g1"],
      ["severity-low", "g2"],
    ]);
  });

  it("fires new-issue and regression with the error's own severity", () => {
    const { triggers } = plan([group("g1", { low: 1 }, "low"), group("g2", { high: 1 }, "high")], ["g1"], ["g2"]);
    expect(triggers.map((t) => [t.rule.kind, t.errorGroupId, t.severity])).toEqual([
      ["new_issue", "g1", "low"],
      ["regression", "g2", "high"],
    ]);
  });

  it("ignores disabled rules and leaves aggregates to the evaluator", () => {
    const disabled = rules.map((r) => ({ ...r, enabled: r.kind !== "severity_count" }));
    const result = planIngestEvaluation(disabled, { workspaceId: "w", groups: [group("g1", { critical: 1 })], newGroupIds: [], regressedGroupIds: [] });
    expect(result).toEqual({ triggers: [], windowChecks: [] });
  });

  it("supports a custom immediate rule with a threshold above one", () => {
    const custom: EvaluableRule = { ...rules[0], id: "custom", eventSeverity: "high", alertSeverity: "high", threshold: 3 };
    const below = planIngestEvaluation([custom], { workspaceId: "w", groups: [group("g", { high: 2 })], newGroupIds: [], regressedGroupIds: [] });
    const at = planIngestEvaluation([custom], { workspaceId: "w", groups: [group("g", { high: 7 })], newGroupIds: [], regressedGroupIds: [] });
    expect(below.triggers).toEqual([]);
    expect(at.triggers[0]).toMatchObject({ value: 7, increment: 2 });
  });
});
