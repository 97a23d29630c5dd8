import { describe, expect, it } from "vitest";
import { ESCALATION_POLICY } from "@/lib/alerts/escalation/escalationPolicy";
import { dueEscalation, firstEscalationAt } from "@/lib/alerts/escalation/escalationSchedule";

const firedAt = new Date("2026-01-01T10:00:00Z");
const at = (minutes: number, seconds = 0) => new Date(firedAt.getTime() + minutes * 60_000 + seconds * 1000);
const critical = { ...ESCALATION_POLICY.critical, firedAt, status: "active" as const, stage: "initial" as const };

describe("escalation schedule (seed 004)", () => {
  it("critical: escalate at 15 min, final at 30 min", () => {
    expect(firstEscalationAt(firedAt, ESCALATION_POLICY.critical)).toEqual(at(15));
    expect(dueEscalation(critical, at(14, 59))).toBeNull();
    expect(dueEscalation(critical, at(15))).toEqual({ stages: ["escalate"], stage: "escalate", nextEscalationAt: at(30) });
    expect(dueEscalation({ ...critical, stage: "escalate" }, at(29, 59))).toBeNull();
    expect(dueEscalation({ ...critical, stage: "escalate" }, at(30))).toEqual({ stages: ["final"], stage: "final", nextEscalationAt: null });
    expect(dueEscalation({ ...critical, stage: "final" }, at(300))).toBeNull();
  });

  it("high: escalate at 1 h, final at 4 h", () => {
    const high = { ...critical, ...ESCALATION_POLICY.high };
    expect(dueEscalation(high, at(59))).toBeNull();
    expect(dueEscalation(high, at(60))?.stage).toBe("escalate");
    expect(dueEscalation({ ...high, stage: "escalate" }, at(240))?.stage).toBe("final");
  });

  it("medium and low never escalate", () => {
    for (const severity of ["medium", "low"] as const) {
      expect(firstEscalationAt(firedAt, ESCALATION_POLICY[severity])).toBeNull();
      expect(dueEscalation({ ...critical, ...ESCALATION_POLICY[severity] }, at(10_000))).toBeNull();
    }
  });

  it("acknowledged or resolved alerts do not escalate", () => {
    expect(dueEscalation({ ...critical, status: "acknowledged" }, at(20))).toBeNull();
    expect(dueEscalation({ ...critical, status: "resolved" }, at(20))).toBeNull();
  });

  it("passes every missed stage at once after downtime", () => {
    expect(dueEscalation(critical, at(45))).toEqual({ stages: ["escalate", "final"], stage: "final", nextEscalationAt: null });
  });

  it("a rule with only a final stage goes straight to final", () => {
    const onlyFinal = { ...critical, escalateAfterSeconds: null, finalAfterSeconds: 600 };
    expect(firstEscalationAt(firedAt, onlyFinal)).toEqual(at(10));
    expect(dueEscalation(onlyFinal, at(10))).toEqual({ stages: ["final"], stage: "final", nextEscalationAt: null });
  });
});
