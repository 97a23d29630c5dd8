import { describe, expect, it } from "vitest";
import { RECOMMENDATION_KEYS, recommendationsFor, type RunbookInput } from "@/lib/investigation/runbook";

const base: RunbookInput = { type: "Error", message: "", category: "unknown", severity: "medium", stackTrace: null, pattern: "isolated" };
const sections = (input: Partial<RunbookInput>) => [...new Set(recommendationsFor({ ...base, ...input }).map((r) => r.section))];

describe("runbook recommendations", () => {
  it("picks the runbook's sections from the category and the text", () => {
    expect(sections({ category: "database", message: "connect ECONNREFUSED 10.0.0.5:5432" })).toEqual(["Database connection", "Network and dependencies", "Pattern: isolated"]);
    expect(sections({ type: "PaymentError", message: "Stripe charge failed" })).toContain("Payment");
    expect(sections({ message: "Request timed out after 30000 ms" })).toContain("Timeout");
    expect(sections({ type: "RangeError", message: "JavaScript heap out of memory", category: "system" })).toContain("Memory");
    expect(sections({ message: "jwt expired", category: "auth" })).toContain("Authentication");
    expect(sections({ message: "429 Too Many Requests" })).toContain("Rate limiting");
    expect(sections({ type: "ValidationError", category: "validation" })).toEqual(["Input validation", "Pattern: isolated"]);
    expect(sections({ type: "TypeError", message: "Cannot read properties of undefined (reading 'items')" })).toEqual(["Code defect", "Pattern: isolated"]);
  });

  it("adds the pattern's steps (seed 004) and the critical response for critical issues", () => {
    const recs = recommendationsFor({ ...base, severity: "critical", pattern: "recurring" });
    expect(recs.map((r) => r.text)).toEqual(expect.arrayContaining(["Investigate root cause - this error is occurring frequently", "Consider implementing circuit breaker pattern"]));
    expect(recs[0].section).toBe("Critical error response");
    expect(recommendationsFor({ ...base, pattern: "burst" }).map((r) => r.key)).toEqual(["pattern.overload", "pattern.rate-limits"]);
  });

  it("has unique, known keys", () => {
    const all = recommendationsFor({ ...base, severity: "critical", category: "database", message: "timeout payment jwt 429 out of memory ENOSPC network", pattern: "intermittent" });
    expect(new Set(all.map((r) => r.key)).size).toBe(all.length);
    for (const r of all) expect(RECOMMENDATION_KEYS.has(r.key)).toBe(true);
  });
});
