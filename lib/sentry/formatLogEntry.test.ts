import { describe, expect, it } from "vitest";
import { formatLogEntry } from "@/lib/sentry/formatLogEntry";

describe("formatLogEntry", () => {
  it("fills printf and Python %-style placeholders in turn", () => {
    expect(formatLogEntry("billing lookup failed for %s", ["acct-9"])).toBe("billing lookup failed for acct-9");
    expect(formatLogEntry("%d of %s done (%.1f%%)", [3, "jobs", 42.5])).toBe("3 of jobs done (42.5%)");
    expect(formatLogEntry("user %r has %05d points", ["bob", 7])).toBe("user bob has 7 points");
    expect(formatLogEntry("%(user)s logged in from %(ip)s", { user: "ann", ip: "[Filtered]" })).toBe("ann logged in from [Filtered]");
  });

  it("fills brace placeholders: {} in turn, {0} by index, {name} from an object", () => {
    expect(formatLogEntry("Order {} failed after {} tries", ["A-17", 3])).toBe("Order A-17 failed after 3 tries");
    expect(formatLogEntry("Payment {0} declined: {1} ({0})", ["p-1", "insufficient funds"])).toBe("Payment p-1 declined: insufficient funds (p-1)");
    expect(formatLogEntry("Job {JobId} timed out", { JobId: 12 })).toBe("Job 12 timed out");
  });

  it("leaves a placeholder without a parameter, and the template without parameters, as written", () => {
    expect(formatLogEntry("%s and %s", ["one"])).toBe("one and %s");
    expect(formatLogEntry("{} {} {5}", ["a"])).toBe("a {} {5}");
    expect(formatLogEntry("plain %s", undefined)).toBe("plain %s");
    expect(formatLogEntry("plain %s", "junk")).toBe("plain %s");
    expect(formatLogEntry("{x}", { y: 1 })).toBe("{x}");
  });

  it("shows non-string parameters as JSON and never grows past the message limit", () => {
    expect(formatLogEntry("got %s / %s / %s", [{ a: 1 }, null, [1, 2]])).toBe('got {"a":1} / null / [1,2]');
    expect(formatLogEntry("%s", ["x".repeat(10_000)])).toHaveLength(8192);
  });
});

describe("formatLogEntry on hostile templates", () => {
  it("stays linear on long runs of digits, percents and braces", () => {
    const started = performance.now();
    for (const template of ["%" + "0".repeat(8000) + "!", "%(" + "a".repeat(8000), "{".repeat(8000) + "}", "%".repeat(8000)]) {
      expect(typeof formatLogEntry(template, ["x"])).toBe("string");
    }
    // A correctness bound, not a speed budget: quadratic backtracking here would take seconds.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("formatLogEntry of hostile parameters", () => {
  it("shows a parameter nested deeper than the stack as its JSON start, without throwing", () => {
    const deep = JSON.parse("[".repeat(1_000_000) + "]".repeat(1_000_000));
    const text = formatLogEntry("got %s", [deep]);
    expect(text.startsWith("got [[[[")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(8192);
  });
});
