import { describe, expect, it } from "vitest";
import { planLevelChange } from "@/lib/alerts/evaluate/planLevelChange";

const open = (conditionActive: boolean, value = 5) => ({ id: "a", conditionActive, value });

describe("planLevelChange", () => {
  it("fires once, then only updates while the condition holds", () => {
    expect(planLevelChange({ firing: true, value: 5, open: null, resolvesWhenClear: false })).toEqual({ kind: "fire" });
    expect(planLevelChange({ firing: true, value: 5, open: open(true), resolvesWhenClear: false })).toEqual({ kind: "none" });
    expect(planLevelChange({ firing: true, value: 7, open: open(true), resolvesWhenClear: false })).toEqual({ kind: "update", alertId: "a", conditionActive: true });
  });

  it("does nothing below the threshold without an alert", () => {
    expect(planLevelChange({ firing: false, value: 4, open: null, resolvesWhenClear: false })).toEqual({ kind: "none" });
  });

  it("counts a new crossing only after the condition cleared", () => {
    expect(planLevelChange({ firing: false, value: 2, open: open(true), resolvesWhenClear: false })).toEqual({ kind: "update", alertId: "a", conditionActive: false });
    expect(planLevelChange({ firing: false, value: 2, open: open(false, 2), resolvesWhenClear: false })).toEqual({ kind: "none" });
    expect(planLevelChange({ firing: true, value: 6, open: open(false, 2), resolvesWhenClear: false })).toEqual({ kind: "recross", alertId: "a" });
  });

  it("resolves aggregate alerts when their condition clears", () => {
    expect(planLevelChange({ firing: false, value: 1, open: open(true), resolvesWhenClear: true })).toEqual({ kind: "resolve", alertId: "a" });
  });
});
