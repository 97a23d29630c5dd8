import { describe, expect, it } from "vitest";
import { lastSeenRelease } from "@/lib/client/lastSeenRelease";

describe("lastSeenRelease", () => {
  const issue = { lastSeen: "2026-12-07T13:34:47.000Z", releases: { last: "review@2.0.3" } };

  it("names the latest event's release when that event is the last seen (ties of one second agree with 'Latest event')", () => {
    expect(lastSeenRelease(issue, { occurredAt: "2026-12-07T13:34:47Z", release: "review@2.0.2" })).toBe("review@2.0.2");
  });

  it("keeps the rollup's release while the event loads, when it is older than last seen, or has no release", () => {
    expect(lastSeenRelease(issue, undefined)).toBe("review@2.0.3");
    expect(lastSeenRelease(issue, { occurredAt: "2026-12-07T13:30:00.000Z", release: "review@2.0.1" })).toBe("review@2.0.3");
    expect(lastSeenRelease(issue, { occurredAt: issue.lastSeen, release: null })).toBe("review@2.0.3");
  });
});
