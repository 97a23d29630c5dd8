import { describe, expect, it } from "vitest";
import { planTransition } from "@/lib/alerts/lifecycle/planTransition";

describe("planTransition", () => {
  it("allows active → acknowledged → resolved and active → resolved", () => {
    expect(planTransition("active", "acknowledged").kind).toBe("change");
    expect(planTransition("acknowledged", "resolved").kind).toBe("change");
    expect(planTransition("active", "resolved").kind).toBe("change");
  });

  it("treats repeating the current status as a no-op", () => {
    expect(planTransition("acknowledged", "acknowledged")).toEqual({ kind: "unchanged" });
    expect(planTransition("resolved", "resolved")).toEqual({ kind: "unchanged" });
  });

  it("never leaves resolved", () => {
    expect(planTransition("resolved", "acknowledged")).toEqual({ kind: "invalid", message: "a resolved alert cannot be acknowledged" });
  });
});
