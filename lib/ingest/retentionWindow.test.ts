import { describe, expect, it } from "vitest";
import { oldestAcceptedTime, retentionIssue } from "@/lib/ingest/retentionWindow";

const receivedAt = new Date("2026-03-10T15:30:00Z");

describe("the native door's retention window", () => {
  it("starts at the start of the oldest UTC day the project keeps", () => {
    expect(oldestAcceptedTime(receivedAt, 90).toISOString()).toBe("2025-12-10T00:00:00.000Z");
    expect(oldestAcceptedTime(receivedAt, 1).toISOString()).toBe("2026-03-09T00:00:00.000Z");
  });

  it("names occurredAt for an event dated before it, and keeps the others", () => {
    expect(retentionIssue("1971-01-01T00:00:00Z", receivedAt, 90, "events[2].occurredAt")).toEqual({
      path: "events[2].occurredAt",
      message: "is before this project's retention of 90 days: events from 2025-12-10T00:00:00.000Z on are accepted",
    });
    expect(retentionIssue("2025-12-09T23:59:59.999Z", receivedAt, 90, "occurredAt")?.path).toBe("occurredAt");
    expect(retentionIssue("2025-12-10T00:00:00Z", receivedAt, 90, "occurredAt")).toBeNull();
    expect(retentionIssue("2025-12-10T01:00:00+02:00", receivedAt, 90, "occurredAt")).not.toBeNull();
    expect(retentionIssue(undefined, receivedAt, 90, "occurredAt")).toBeNull();
    // Future times and those before 1970 (a zeroed clock) are the receive time (prepareEvent): not refused here.
    expect(retentionIssue("1969-12-31T23:59:59Z", receivedAt, 90, "occurredAt")).toBeNull();
    expect(retentionIssue("0000-01-01T00:00:00Z", receivedAt, 90, "occurredAt")).toBeNull();
    expect(retentionIssue("2099-01-01T00:00:00Z", receivedAt, 90, "occurredAt")).toBeNull();
  });
});
