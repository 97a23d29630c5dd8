import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import { ruleProblems } from "@/lib/alerts/rules/ruleProblems";

const byKey = (key: string) => DEFAULT_RULES.find((r) => r.defaultKey === key)!;

describe("default rules", () => {
  it("match the seeds' per-severity thresholds and windows", () => {
    expect(byKey("severity-critical")).toMatchObject({ kind: "severity_count", eventSeverity: "critical", threshold: 1, windowSeconds: 0 });
    expect(byKey("severity-high")).toMatchObject({ eventSeverity: "high", threshold: 5, windowSeconds: 300 });
    expect(byKey("severity-medium")).toMatchObject({ eventSeverity: "medium", threshold: 20, windowSeconds: 900 });
    expect(byKey("severity-low")).toMatchObject({ eventSeverity: "low", threshold: 100, windowSeconds: 3600 });
    expect(byKey("error-rate")).toMatchObject({ kind: "error_rate", threshold: 5 });
    expect(byKey("spike")).toMatchObject({ kind: "spike", threshold: 3, windowSeconds: 300 });
    expect(byKey("new-issue").kind).toBe("new_issue");
    expect(byKey("regression").kind).toBe("regression");
  });

  it("escalate critical after 15 and 30 minutes, high after 1 and 4 hours", () => {
    expect(byKey("severity-critical")).toMatchObject({ escalateAfterSeconds: 900, finalAfterSeconds: 1800 });
    expect(byKey("severity-high")).toMatchObject({ escalateAfterSeconds: 3600, finalAfterSeconds: 14400 });
    expect(byKey("severity-medium")).toMatchObject({ escalateAfterSeconds: null, finalAfterSeconds: null });
  });

  it("are all valid and uniquely keyed", () => {
    for (const rule of DEFAULT_RULES) expect(ruleProblems(rule)).toEqual([]);
    expect(new Set(DEFAULT_RULES.map((r) => r.defaultKey)).size).toBe(DEFAULT_RULES.length);
  });
});
