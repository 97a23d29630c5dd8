import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import { ruleProblems } from "@/lib/alerts/rules/ruleProblems";

const base = DEFAULT_RULES.find((r) => r.defaultKey === "severity-high")!;
const spike = DEFAULT_RULES.find((r) => r.defaultKey === "spike")!;
const paths = (rule: Parameters<typeof ruleProblems>[0]) => ruleProblems(rule).map((p) => p.path);

describe("ruleProblems", () => {
  it("needs whole-number event thresholds", () => {
    expect(paths({ ...base, threshold: 2.5 })).toEqual(["threshold"]);
    expect(paths({ ...base, threshold: 0 })).toEqual(["threshold"]);
  });

  it("bounds rates to percentages and requires an alert severity", () => {
    const rate = DEFAULT_RULES.find((r) => r.defaultKey === "error-rate")!;
    expect(paths({ ...rate, threshold: 150 })).toEqual(["threshold"]);
    expect(paths({ ...rate, alertSeverity: null })).toEqual(["alertSeverity"]);
  });

  it("needs a spike baseline at least as long as the window", () => {
    expect(paths({ ...spike, baselineSeconds: 60 })).toEqual(["baselineSeconds"]);
    expect(paths({ ...spike, threshold: 1 })).toEqual(["threshold"]);
  });

  it("needs an ingest-health rule to count whole lost events over a window, and the disk days only there", () => {
    const health = { ...spike, kind: "ingest_health" as const, threshold: 100, windowSeconds: 900, baselineSeconds: null, diskDaysLeft: 14 };
    expect(paths(health)).toEqual([]);
    expect(paths({ ...health, threshold: 0.5 })).toEqual(["threshold"]);
    expect(paths({ ...health, windowSeconds: 0 })).toEqual(["windowSeconds"]);
    expect(paths({ ...health, alertSeverity: null })).toEqual(["alertSeverity"]);
    expect(paths({ ...base, diskDaysLeft: 7 })).toEqual(["diskDaysLeft"]);
  });

  it("keeps immediate rules immediate and escalation ordered", () => {
    const newIssue = DEFAULT_RULES.find((r) => r.defaultKey === "new-issue")!;
    expect(paths({ ...newIssue, windowSeconds: 60 })).toEqual(["windowSeconds"]);
    expect(paths({ ...newIssue, eventSeverity: "high" })).toEqual(["eventSeverity"]);
    expect(paths({ ...base, escalateAfterSeconds: 600, finalAfterSeconds: 600 })).toEqual(["finalAfterSeconds"]);
  });
});
