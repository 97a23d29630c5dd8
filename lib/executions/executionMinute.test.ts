import { describe, expect, it } from "vitest";
import { executionMinute } from "@/lib/executions/executionMinute";

const now = new Date("2026-12-09T12:00:00.000Z");

describe("executionMinute", () => {
  it("is the count's own time, or the receive time without one", () => {
    expect(executionMinute("2026-12-09T11:30:10.000Z", now).toISOString()).toBe("2026-12-09T11:30:10.000Z");
    expect(executionMinute(undefined, now)).toBe(now);
  });

  it("is the receive time for a time more than 5 minutes ahead, as an event's is (9999-12-31 was stored as sent)", () => {
    expect(executionMinute("9999-12-31T00:00:00Z", now)).toBe(now);
    expect(executionMinute("2026-12-09T12:06:00.000Z", now)).toBe(now);
    expect(executionMinute("2026-12-09T12:04:00.000Z", now).toISOString()).toBe("2026-12-09T12:04:00.000Z");
  });
});
