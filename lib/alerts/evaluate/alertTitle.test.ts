import { describe, expect, it } from "vitest";
import { alertTitle } from "@/lib/alerts/evaluate/alertTitle";
import { formatDuration } from "@/lib/alerts/evaluate/formatDuration";

const error = { type: "TypeError", message: "Cannot read properties of undefined\n  (reading 'total')" };

describe("alertTitle", () => {
  it("names the error for per-error rules", () => {
    expect(alertTitle({ kind: "severity_count", eventSeverity: "critical", threshold: 1, windowSeconds: 0, value: 1, error })).toBe(
      "Critical error: TypeError: Cannot read properties of undefined (reading 'total')",
    );
    expect(alertTitle({ kind: "severity_count", eventSeverity: "high", threshold: 5, windowSeconds: 300, value: 6, error })).toMatch(
      /^6 high errors in 5 min: TypeError/,
    );
    expect(alertTitle({ kind: "new_issue", eventSeverity: null, threshold: 1, windowSeconds: 0, value: 1, error })).toMatch(/^New issue: /);
    expect(alertTitle({ kind: "regression", eventSeverity: null, threshold: 1, windowSeconds: 0, value: 1, error })).toMatch(/^Regression: /);
  });

  it("quotes user feedback first (clipped to one line), then the issue it is about", () => {
    const base = { kind: "user_feedback", eventSeverity: null, threshold: 1, windowSeconds: 0, value: 1 } as const;
    expect(alertTitle({ ...base, error, comments: "It broke\n  at checkout" })).toBe(
      "User feedback: “It broke at checkout” on TypeError: Cannot read properties of undefined (reading 'total')",
    );
    expect(alertTitle({ ...base, projectName: "Shop", comments: "x".repeat(200) })).toBe(`User feedback in Shop: “${"x".repeat(79)}…”`);
  });

  it("says what ingest health lost, or how many days of disk are left", () => {
    expect(alertTitle({ kind: "ingest_health", eventSeverity: null, threshold: 10, windowSeconds: 900, value: 42, projectName: "api" })).toBe(
      "42 events lost in api in 15 min (dropped or rate-limited)",
    );
    expect(alertTitle({ kind: "ingest_health", eventSeverity: null, threshold: 10, windowSeconds: 900, value: 3.5, diskDaysLeft: 7, disk: true })).toBe(
      "Disk: 3.5 days left at the current growth (below 7)",
    );
  });

  it("names the project for aggregate rules", () => {
    expect(alertTitle({ kind: "error_rate", eventSeverity: null, threshold: 5, windowSeconds: 300, value: 7.25, projectName: "api" })).toBe(
      "Error rate 7.3% in api (above 5% over 5 min)",
    );
    expect(alertTitle({ kind: "spike", eventSeverity: null, threshold: 3, windowSeconds: 300, value: 4, projectName: "api" })).toBe(
      "Error spike in api: 4× the baseline in 5 min",
    );
    expect(alertTitle({ kind: "spike", eventSeverity: null, threshold: 3, windowSeconds: 300, value: Infinity, projectName: "api" })).toMatch(/from zero/);
  });

  it("stays short", () => {
    const long = { type: "E", message: "x".repeat(5000) };
    expect(alertTitle({ kind: "new_issue", eventSeverity: null, threshold: 1, windowSeconds: 0, value: 1, error: long }).length).toBe(240);
  });

  it("formats durations", () => {
    expect([0, 45, 300, 900, 3600, 86_400].map(formatDuration)).toEqual(["immediately", "45 s", "5 min", "15 min", "1 h", "1 d"]);
  });
});
