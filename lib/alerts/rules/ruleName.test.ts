import { describe, expect, it } from "vitest";
import { ruleNameAfterUpdate, staleBuiltInName } from "@/lib/alerts/rules/builtInName";
import { DEFAULT_RULES } from "@/lib/alerts/rules/defaultRules";
import { generatedRuleName } from "@/lib/alerts/rules/ruleName";

const byKey = (key: string) => ({ ...DEFAULT_RULES.find((r) => r.defaultKey === key)! });

describe("generatedRuleName", () => {
  it("is every built-in rule's name for its default settings", () => {
    for (const rule of DEFAULT_RULES) expect(generatedRuleName(rule), rule.defaultKey).toBe(rule.name);
    expect(byKey("severity-high").name).toBe("High errors: 5 in 5 min");
    expect(byKey("severity-critical").name).toBe("Critical error");
  });

  it("states the settings it is given", () => {
    const high = byKey("severity-high");
    expect(generatedRuleName({ ...high, threshold: 10, windowSeconds: 600 })).toBe("High errors: 10 in 10 min");
    expect(generatedRuleName({ ...high, threshold: 3, windowSeconds: 0 })).toBe("High errors: 3 at once");
    expect(generatedRuleName({ ...high, eventSeverity: null, threshold: 1, windowSeconds: 0 })).toBe("Any error");
    expect(generatedRuleName({ ...byKey("error-rate"), threshold: 2.5 })).toBe("Error rate above 2.5 %");
    expect(generatedRuleName({ ...byKey("spike"), threshold: 4, baselineSeconds: 2 * 3600 })).toBe("Error spike: 4× the last 2 h");
    const ingest = { kind: "ingest_health", eventSeverity: null, threshold: 100, windowSeconds: 900, baselineSeconds: null } as const;
    expect(generatedRuleName({ ...ingest, diskDaysLeft: 14 })).toBe("Ingest health: events lost or disk filling");
    expect(generatedRuleName({ ...ingest, diskDaysLeft: null })).toBe("Ingest health: events lost");
  });
});

describe("ruleNameAfterUpdate", () => {
  it("renames a rule still named after its settings when they change", () => {
    expect(ruleNameAfterUpdate(byKey("severity-high"), { threshold: 10, windowSeconds: 600 })).toBe("High errors: 10 in 10 min");
    expect(ruleNameAfterUpdate(byKey("severity-high"), { enabled: false } as never)).toBeUndefined();
  });

  it("renames a built-in rule still named as created though edited before (its original name counts as generated)", () => {
    const edited = { ...byKey("severity-high"), threshold: 10, windowSeconds: 600 };
    expect(edited.name).toBe("High errors: 5 in 5 min");
    expect(ruleNameAfterUpdate(edited, { threshold: 12 })).toBe("High errors: 12 in 10 min");
    expect(staleBuiltInName(edited)).toBe("High errors: 10 in 10 min");
    expect(staleBuiltInName(byKey("severity-high"))).toBeUndefined();
  });

  it("keeps a name someone gave, and takes a new one given", () => {
    const named = { ...byKey("severity-high"), name: "Pager: backend" };
    expect(ruleNameAfterUpdate(named, { threshold: 10, windowSeconds: 600 })).toBeUndefined();
    expect(staleBuiltInName({ ...named, threshold: 10 })).toBeUndefined();
    expect(ruleNameAfterUpdate(byKey("severity-high"), { name: "Pager: backend", threshold: 10 })).toBe("Pager: backend");
    expect(ruleNameAfterUpdate(named, { name: "Pager: backend" })).toBeUndefined();
  });

  it("leaves a custom rule's own name", () => {
    const custom = { name: "Payments: 2 high errors in a minute", defaultKey: null, kind: "severity_count", eventSeverity: "high", threshold: 2, windowSeconds: 60, baselineSeconds: null, diskDaysLeft: null } as const;
    expect(ruleNameAfterUpdate(custom, { threshold: 3 })).toBeUndefined();
  });
});
