import { describe, expect, it } from "vitest";
import { globMatches } from "@/lib/text/glob";
import type { IssueFacts } from "@/lib/assignment/issueFacts";
import { conditionMatches, firstMatchingRule } from "@/lib/assignment/matchRule";

const facts: IssueFacts = {
  project: { name: "Shop API", slug: "shop-api" },
  type: "PaymentDeclinedError",
  message: "Card declined for order 42",
  category: "payment",
  severity: "high",
  tags: { component: "checkout", region: "eu-west-1", retries: "3" },
  frames: [
    { filename: "node:internal/process", module: "node.internal" },
    { filename: "src/billing/charge.ts", absPath: "/srv/app/src/billing/charge.ts", module: "app.billing.charge" },
  ],
};

describe("project conditions", () => {
  it("match the project's name or its slug", () => {
    expect(conditionMatches({ field: "project", pattern: "shop*" }, facts)).toBe(true);
    expect(conditionMatches({ field: "project", pattern: "shop-api" }, facts)).toBe(true);
    expect(conditionMatches({ field: "project", pattern: "Shop API" }, facts)).toBe(true);
    expect(conditionMatches({ field: "project", pattern: "blog*" }, facts)).toBe(false);
  });
});

describe("globs", () => {
  it("match the whole value, case-insensitively", () => {
    expect(globMatches("payment*", "PaymentDeclinedError")).toBe(true);
    expect(globMatches("declined", "Card declined for order 42")).toBe(false);
    expect(globMatches("*declined*", "Card declined for order 42")).toBe(true);
    expect(globMatches("h?gh", "high")).toBe(true);
    expect(globMatches("a.b", "axb")).toBe(false);
  });

  it("in path mode, * stays in one directory, ** crosses, and relative patterns match from any directory", () => {
    expect(globMatches("src/billing/*", "/srv/app/src/billing/charge.ts", { path: true })).toBe(true);
    expect(globMatches("src/*", "/srv/app/src/billing/charge.ts", { path: true })).toBe(false);
    expect(globMatches("src/**", "/srv/app/src/billing/charge.ts", { path: true })).toBe(true);
    expect(globMatches("/src/**", "/srv/app/src/billing/charge.ts", { path: true })).toBe(false);
    expect(globMatches("**/charge.ts", "/srv/app/src/billing/charge.ts", { path: true })).toBe(true);
    expect(globMatches("rc/billing/*", "/srv/app/src/billing/charge.ts", { path: true })).toBe(false);
  });

  it("treats regex characters literally", () => {
    expect(globMatches("(a|b)+", "(a|b)+")).toBe(true);
    expect(globMatches("a**b", "axxb")).toBe(true);
    expect(globMatches("(a|b)+", "a")).toBe(false);
  });
});

describe("conditions", () => {
  it("match each field", () => {
    expect(conditionMatches({ field: "category", pattern: "payment" }, facts)).toBe(true);
    expect(conditionMatches({ field: "severity", pattern: "critical" }, facts)).toBe(false);
    expect(conditionMatches({ field: "type", pattern: "*Declined*" }, facts)).toBe(true);
    expect(conditionMatches({ field: "message", pattern: "card declined*" }, facts)).toBe(true);
    expect(conditionMatches({ field: "tag", pattern: "component=checkout" }, facts)).toBe(true);
    expect(conditionMatches({ field: "tag", pattern: "region=eu-*" }, facts)).toBe(true);
    expect(conditionMatches({ field: "tag", pattern: "region=us-*" }, facts)).toBe(false);
    expect(conditionMatches({ field: "tag", pattern: "missing=*" }, facts)).toBe(false);
    expect(conditionMatches({ field: "path", pattern: "src/billing/**" }, facts)).toBe(true);
    expect(conditionMatches({ field: "path", pattern: "src/search/**" }, facts)).toBe(false);
    expect(conditionMatches({ field: "module", pattern: "app.billing.*" }, facts)).toBe(true);
    expect(conditionMatches({ field: "module", pattern: "app.search.*" }, facts)).toBe(false);
  });

  it("a tag condition reads the issue's own tags only, never Object.prototype's members", () => {
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(conditionMatches({ field: "tag", pattern: `${key}=*` }, facts)).toBe(false);
      expect(conditionMatches({ field: "tag", pattern: `${key}=x` }, facts)).toBe(false);
    }
  });

  it("a Windows path matches a forward-slash pattern", () => {
    const win = { ...facts, frames: [{ absPath: "C:\\app\\src\\billing\\charge.cs" }] };
    expect(conditionMatches({ field: "path", pattern: "src/billing/*" }, win)).toBe(true);
  });
});

describe("first match wins", () => {
  const rules = [
    { id: "off", enabled: false, conditions: [{ field: "category" as const, pattern: "*" }] },
    { id: "search", enabled: true, conditions: [{ field: "path" as const, pattern: "src/search/**" }] },
    { id: "payments", enabled: true, conditions: [{ field: "category" as const, pattern: "payment" }, { field: "severity" as const, pattern: "high" }] },
    { id: "catch-all", enabled: true, conditions: [] },
  ];

  it("skips disabled rules and needs every condition of a rule", () => {
    expect(firstMatchingRule(rules, facts)?.id).toBe("payments");
    expect(firstMatchingRule(rules, { ...facts, severity: "low" })?.id).toBe("catch-all");
    expect(firstMatchingRule(rules.slice(0, 3), { ...facts, severity: "low" })).toBeNull();
  });
});

describe("hostile patterns", () => {
  it("stay fast: no exponential backtracking", () => {
    const started = performance.now();
    expect(globMatches("*a*a*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(4000))).toBe(false);
    // A generous bound: a backtracking matcher takes minutes here.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
