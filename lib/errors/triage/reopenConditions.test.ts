import { describe, expect, it } from "vitest";
import { ignoreEndReason, releasesAfterResolution, type IgnoredIssue } from "@/lib/errors/triage/reopenConditions";
import { statusFields } from "@/lib/errors/triage/statusDetails";

const now = new Date("2026-03-01T12:00:00Z");
const issue = (over: Partial<IgnoredIssue>): IgnoredIssue => ({ status: "ignored", ignoredUntil: null, ignoreUntilEvents: null, ignoreUntilUsers: null, occurrenceCount: 10, usersAffected: 2, ...over });

describe("conditional ignore", () => {
  it("stores absolute targets: counts when ignored + N, or now + duration", () => {
    const group = { occurrenceCount: 10, usersAffected: 2, latestRelease: "web@1.0.0" };
    expect(statusFields("ignored", { ignoreCount: 5 }, group, now)).toMatchObject({ ignoreUntilEvents: 15, ignoreUntilUsers: null, ignoredUntil: null });
    expect(statusFields("ignored", { ignoreUserCount: 3 }, group, now)).toMatchObject({ ignoreUntilUsers: 5 });
    expect(statusFields("ignored", { ignoreDurationMinutes: 30 }, group, now).ignoredUntil).toEqual(new Date("2026-03-01T12:30:00Z"));
    expect(statusFields("resolved", { inNextRelease: true }, group, now)).toMatchObject({ resolvedInNextRelease: true, resolvedRelease: "web@1.0.0" });
    expect(statusFields("new", undefined, group, now)).toEqual({ resolvedInNextRelease: false, resolvedRelease: null, ignoredUntil: null, ignoreUntilEvents: null, ignoreUntilUsers: null });
  });

  it("ends when the target is reached, not before", () => {
    expect(ignoreEndReason(issue({ ignoreUntilEvents: 11 }), now)).toBeNull();
    expect(ignoreEndReason(issue({ ignoreUntilEvents: 10 }), now)).toMatch(/event count/);
    expect(ignoreEndReason(issue({ ignoreUntilUsers: 3 }), now)).toBeNull();
    expect(ignoreEndReason(issue({ ignoreUntilUsers: 2 }), now)).toMatch(/user count/);
    expect(ignoreEndReason(issue({ ignoredUntil: new Date("2026-03-01T12:00:01Z") }), now)).toBeNull();
    expect(ignoreEndReason(issue({ ignoredUntil: now }), now)).toMatch(/period ended/);
    expect(ignoreEndReason(issue({}), now)).toBeNull();
    expect(ignoreEndReason(issue({ status: "new", ignoreUntilEvents: 1 }), now)).toBeNull();
  });
});

describe("resolved in the next release: which releases of a batch may reopen it", () => {
  it("only those with an event after the resolution; a late event from before it reopens nothing", () => {
    const resolvedAt = new Date("2026-03-01T12:00:00Z");
    const latest = new Map([
      ["web@1.5.0", new Date("2026-03-01T10:00:00Z")],
      ["web@1.6.0", new Date("2026-03-01T12:00:01Z")],
      ["web@1.7.0", resolvedAt],
    ]);
    expect(releasesAfterResolution(latest, resolvedAt)).toEqual(["web@1.6.0"]);
    expect(releasesAfterResolution(new Map([["web@1.5.0", new Date("2026-03-01T10:00:00Z")]]), resolvedAt)).toEqual([]);
    expect(releasesAfterResolution(latest, null)).toEqual(["web@1.5.0", "web@1.6.0", "web@1.7.0"]);
  });
});
