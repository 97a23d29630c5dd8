import { describe, expect, it } from "vitest";
import { diskCondition, lostEventsCondition } from "@/lib/alerts/evaluate/ingestHealthConditions";

describe("lostEventsCondition", () => {
  it("adds dropped and rate-limited events and fires at the threshold", () => {
    expect(lostEventsCondition({ threshold: 10 }, { dropped: 4, rateLimited: 5 })).toEqual({ firing: false, value: 9 });
    expect(lostEventsCondition({ threshold: 10 }, { dropped: 4, rateLimited: 6 })).toEqual({ firing: true, value: 10 });
    expect(lostEventsCondition({ threshold: 1 }, { dropped: 0, rateLimited: 0 })).toEqual({ firing: false, value: 0 });
  });
});

describe("diskCondition", () => {
  it("fires when fewer days are left than the rule allows", () => {
    expect(diskCondition({ diskDaysLeft: 14 }, 13.97)).toEqual({ firing: true, value: 13.9 });
    expect(diskCondition({ diskDaysLeft: 14 }, 14)).toEqual({ firing: false, value: 14 });
  });

  it("does not fire when the rule does not check the disk or the forecast cannot tell", () => {
    expect(diskCondition({ diskDaysLeft: null }, 1).firing).toBe(false);
    expect(diskCondition({ diskDaysLeft: 14 }, null).firing).toBe(false);
    expect(diskCondition({ diskDaysLeft: 14 }, Infinity).firing).toBe(false);
  });
});
