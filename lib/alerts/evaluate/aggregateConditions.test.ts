import { describe, expect, it } from "vitest";
import { errorRateCondition, spikeCondition } from "@/lib/alerts/evaluate/aggregateConditions";

describe("errorRateCondition", () => {
  const rule = { threshold: 5, minCount: 20 };
  it("fires strictly above 5 % failing", () => {
    expect(errorRateCondition(rule, 5, 100)).toEqual({ firing: false, value: 5 });
    expect(errorRateCondition(rule, 6, 100)).toEqual({ firing: true, value: 6 });
  });
  it("needs enough executions", () => {
    expect(errorRateCondition(rule, 5, 10).firing).toBe(false);
    expect(errorRateCondition(rule, 5, 0)).toEqual({ firing: false, value: 0 });
  });
});

describe("spikeCondition", () => {
  const rule = { threshold: 3, minCount: 10, windowSeconds: 300, baselineSeconds: 3600 };
  it("compares with the baseline's average per window", () => {
    // 120 events over the previous hour = 10 per 5 minutes.
    expect(spikeCondition(rule, 30, 120)).toEqual({ firing: false, value: 3 });
    expect(spikeCondition(rule, 31, 120)).toEqual({ firing: true, value: 3.1 });
  });
  it("needs a minimum volume, even from a zero baseline", () => {
    expect(spikeCondition(rule, 9, 0)).toEqual({ firing: false, value: Infinity });
    expect(spikeCondition(rule, 10, 0)).toEqual({ firing: true, value: Infinity });
    expect(spikeCondition(rule, 0, 0)).toEqual({ firing: false, value: 0 });
  });
});
