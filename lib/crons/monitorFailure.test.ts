import { describe, expect, it } from "vitest";
import { monitorFailureEvent, type MonitorFailure } from "@/lib/crons/monitorFailure";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

const failure = (over: Partial<MonitorFailure> = {}): MonitorFailure => ({
  monitorId: "0190f5a0-0000-7000-8000-000000000001",
  workspaceId: "0190f5a0-0000-7000-8000-000000000002",
  projectId: "0190f5a0-0000-7000-8000-000000000003",
  slug: "nightly-report",
  environment: "production",
  release: "api@2.1.0",
  reason: "error",
  checkInId: "83a7c03e-d0a0-4e1b-97e2-e3b18d38f244",
  at: new Date("2026-12-03T03:00:05Z"),
  ...over,
});

describe("monitorFailureEvent", () => {
  it("is a valid ingest event keyed by the run, tagged with the monitor and the reason", () => {
    const event = monitorFailureEvent(failure());
    expect(IngestEventSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      eventId: "cron:83a7c03e-d0a0-4e1b-97e2-e3b18d38f244",
      type: "CronMonitorFailure",
      message: "Cron monitor nightly-report (production) failed: the run checked in with status error",
      release: "api@2.1.0",
      tags: { "monitor.slug": "nightly-report", "monitor.reason": "error" },
    });
  });

  it("says when a missed run was due and how long a timed-out one ran", () => {
    expect(monitorFailureEvent(failure({ reason: "missed", release: null, expectedAt: new Date("2026-12-03T03:00:00Z"), schedule: "0 3 * * * (UTC)" })).message).toBe(
      "Cron monitor nightly-report (production) missed a check-in: a run was due at 2026-12-03T03:00:00.000Z (0 3 * * * (UTC))",
    );
    expect(monitorFailureEvent(failure({ reason: "timeout", maxRuntime: 20 })).message).toContain("still in progress after 20 minutes");
  });

  it("puts every failure of a monitor in one environment into one issue, whatever the reason", () => {
    const fingerprints = (["error", "missed", "timeout"] as const).map((reason) => prepareEvent(IngestEventSchema.parse(monitorFailureEvent(failure({ reason })))).fingerprint);
    expect(new Set(fingerprints).size).toBe(1);
    const staging = prepareEvent(IngestEventSchema.parse(monitorFailureEvent(failure({ environment: "staging" })))).fingerprint;
    const other = prepareEvent(IngestEventSchema.parse(monitorFailureEvent(failure({ slug: "hourly-sync" })))).fingerprint;
    expect(staging).not.toBe(fingerprints[0]);
    expect(other).not.toBe(fingerprints[0]);
  });

  it("says what an uptime monitor's URL answered, keeps the issue of the monitor, and never stores a password in the URL", () => {
    const down = (detail: string) => monitorFailureEvent(failure({ url: "https://ops:hunter2@shop.test/health", detail, release: null }));
    const event = down("HTTP 503 Service Unavailable");
    expect(event).toMatchObject({ message: "Uptime monitor nightly-report (production) is down: HTTP 503 Service Unavailable (https://ops:hunter2@shop.test/health)", category: "uptime", source: "uptime-monitor" });
    expect(event.fingerprint).toEqual(down("connection refused (ECONNREFUSED)").fingerprint);
    const stored = JSON.stringify(prepareEvent(IngestEventSchema.parse(event)));
    expect(stored).not.toContain("hunter2");
    expect(monitorFailureEvent(failure({ url: "https://shop.test/", reason: "missed", expectedAt: new Date("2026-12-03T03:00:00Z") })).message).toMatch(/^Uptime monitor nightly-report \(production\) was not checked: a check was due at 2026-12-03T03:00:00.000Z/);
  });
});
