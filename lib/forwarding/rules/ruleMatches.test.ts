import { describe, expect, it } from "vitest";
import { ruleMatches, type RuleFilters } from "@/lib/forwarding/rules/ruleMatches";

const rule = (over: Partial<RuleFilters> = {}): RuleFilters => ({ enabled: true, severities: [], categories: [], environments: [], ...over });
const event = { severity: "high", category: "database", environment: "production" };

describe("ruleMatches", () => {
  it("matches everything with empty filters, nothing when disabled", () => {
    expect(ruleMatches(rule(), event)).toBe(true);
    expect(ruleMatches(rule({ enabled: false }), event)).toBe(false);
  });

  it("requires each non-empty filter to contain the event's value", () => {
    expect(ruleMatches(rule({ severities: ["high", "critical"] }), event)).toBe(true);
    expect(ruleMatches(rule({ severities: ["critical"] }), event)).toBe(false);
    expect(ruleMatches(rule({ categories: ["Database"] }), event)).toBe(true);
    expect(ruleMatches(rule({ categories: ["network"] }), event)).toBe(false);
    expect(ruleMatches(rule({ environments: ["PRODUCTION"] }), event)).toBe(true);
    expect(ruleMatches(rule({ environments: ["staging"] }), event)).toBe(false);
    expect(ruleMatches(rule({ severities: ["high"], categories: ["database"], environments: ["staging"] }), event)).toBe(false);
  });

  it("an event without environment matches only rules naming none", () => {
    expect(ruleMatches(rule({ environments: ["production"] }), { ...event, environment: null })).toBe(false);
    expect(ruleMatches(rule(), { ...event, environment: null })).toBe(true);
  });
});
