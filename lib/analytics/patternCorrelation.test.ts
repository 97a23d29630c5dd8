import { describe, expect, it } from "vitest";
import { correlationOf } from "@/lib/analytics/patternCorrelation";

describe("correlationOf", () => {
  const none = { singleUser: false, agentsAllTime: 0, release: null, environment: null };
  it("says nothing when nothing lines up", () => {
    expect(correlationOf(none)).toBe("");
    expect(correlationOf({ ...none, agentsAllTime: 3 })).toBe("");
  });
  it("names the window's single user, release and environment", () => {
    expect(correlationOf({ ...none, singleUser: true, release: { value: "1.2.0", of: 1 }, environment: { value: "production", of: 1 } })).toBe(
      "a single user; release 1.2.0; environment production",
    );
  });
  it("names the latest of several values with their number", () => {
    expect(correlationOf({ ...none, release: { value: "1.2.0", of: 3 } })).toBe("release 1.2.0 (latest of 3)");
  });
  it("labels the agent part as all time", () => {
    expect(correlationOf({ ...none, agentsAllTime: 1 })).toBe("a single agent (all time)");
  });
});
