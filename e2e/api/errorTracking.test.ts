import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
const hourStart = (hoursAgo: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - hoursAgo * HOUR);
const iso = (d: Date, plusMs = 0) => new Date(d.getTime() + plusMs).toISOString();

async function view(t: Tenant, cookie: string, params = "") {
  const res = await getJson(`/api/v1/workspaces/${t.workspaceId}/error-tracking?${params}`, { cookie });
  expect(res.status).toBe(200);
  return res.json();
}

function postExecutions(key: string, body: unknown) {
  return fetch(`${BASE_URL}/api/v1/executions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": key },
    body: JSON.stringify(body),
  });
}

describe("error-tracking view: empty workspace", () => {
  it("returns zeros and empty lists, never errors", async () => {
    const t = await createTenant("empty");
    const cookie = await login(t.viewer);
    for (const timeframe of ["1h", "24h", "7d", "30d"]) {
      const v = await view(t, cookie, `timeframe=${timeframe}`);
      expect(v.overview).toMatchObject({ totalErrors: 0, uniqueErrors: 0, affectedUsers: 0, affectedAgents: 0, errorRate: null, systemImpact: "low", manualInterventions: 0 });
      expect(v.categories.byType).toEqual([]);
      expect(v.categories.bySeverity).toEqual({ critical: 0, high: 0, medium: 0, low: 0 });
      expect(v.timeline.spikes).toEqual([]);
      expect(v.timeline.errorsByTime.every((b: { count: number }) => b.count === 0)).toBe(true);
      expect(v.errors.items).toEqual([]);
      expect(v.topErrors).toEqual({ byOccurrence: [], byImpact: [], unresolved: [] });
      expect(v.correlations).toEqual({ agentCorrelation: [], userCorrelation: [], errorChains: [] });
      // Nothing to measure: null, not a rate or a time of 0.
      expect(v.recovery.recoveryTimes).toEqual({ automatic: null, manual: null });
      expect(v.overview).toMatchObject({ autoRecoveryRate: null, avgRecoveryTime: null });
    }
  });

  it("hides other workspaces (404) and validates the query (422)", async () => {
    const a = await createTenant("tv-a");
    const b = await createTenant("tv-b");
    const cookie = await login(a.admin);
    expect((await getJson(`/api/v1/workspaces/${b.workspaceId}/error-tracking`, { cookie })).status).toBe(404);
    const bad = await getJson(`/api/v1/workspaces/${a.workspaceId}/error-tracking?timeframe=2h`, { cookie });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("timeframe");
    expect((await getJson(`/api/v1/workspaces/${a.workspaceId}/error-tracking`, {})).status).toBe(401);
  });
});

describe("error-tracking view: planted fixtures", () => {
  let t: Tenant;
  let cookie: string;
  const spikeHour = hourStart(5);

  beforeAll(async () => {
    t = await createTenant("view");
    cookie = await login(t.member);
    const baseline = [];
    for (let h = 14; h >= 1; h--) {
      for (let i = 0; i < 2; i++) {
        baseline.push({ type: "NoiseError", message: `noise ${h}-${i}`, severity: "low", occurredAt: iso(hourStart(h), 60_000 * (i + 1)), userId: `u${i}`, agentId: "agent-1", environment: "production" });
      }
    }
    const spike = Array.from({ length: 40 }, (_, i) => ({
      type: "SpikeError",
      message: `upstream 503 for request ${i}`,
      severity: "critical",
      occurredAt: iso(spikeHour, 30_000 * i),
      userId: `spike-user-${i % 10}`,
      agentId: "agent-7",
      environment: "staging",
      impact: { creditsLost: 0.5 },
    }));
    expect((await postEvents(t.key, [...baseline, ...spike])).status).toBe(202);
  });

  it("reports the spike planted at a known hour with its window and primary cause", async () => {
    const v = await view(t, cookie, "timeframe=24h");
    expect(v.timeline.spikes).toHaveLength(1);
    expect(v.timeline.spikes[0]).toMatchObject({
      startTime: spikeHour.toISOString(),
      endTime: new Date(spikeHour.getTime() + HOUR).toISOString(),
      peakErrors: 42, // the planted 40 plus that hour's 2 baseline errors
      totalErrors: 42,
      resolved: false,
    });
    expect(v.timeline.spikes[0].primaryCause).toMatch(/^SpikeError: upstream 503/);
    const bucket = v.timeline.errorsByTime.find((b: { timestamp: string }) => b.timestamp === spikeHour.toISOString());
    expect(bucket).toEqual({ timestamp: spikeHour.toISOString(), count: 42, criticalCount: 40, uniqueErrors: 2 });
    expect(v.overview).toMatchObject({ totalErrors: 68, uniqueErrors: 2, affectedUsers: 12, affectedAgents: 2, estimatedRevenueLoss: 20 });
    expect(v.timeline.patterns.find((p: { kind: string }) => p.kind === "burst").pattern).toMatch(/SpikeError/);
    // The spike a pattern's group caused, as instants (the dashboard names them in the viewer's zone), not UTC text.
    const spikePattern = v.timeline.patterns.find((p: { pattern: string }) => p.pattern.includes("SpikeError"));
    expect(spikePattern.causedSpike).toEqual({ startTime: spikeHour.toISOString(), endTime: new Date(spikeHour.getTime() + HOUR).toISOString() });
    expect(spikePattern.correlation).not.toMatch(/spike|UTC/);
    expect(v.timeline.patterns.find((p: { pattern: string }) => p.pattern.includes("NoiseError")).causedSpike).toBeNull();
  });

  it("filters and timeframes change the numbers as defined", async () => {
    const critical = await view(t, cookie, "timeframe=24h&severity=critical");
    expect(critical.overview.totalErrors).toBe(40);
    expect(critical.categories.byType.map((c: { type: string }) => c.type)).toEqual(["SpikeError"]);
    // What an "Other (n types)" line needs to make the card add up.
    expect(critical.categories).toMatchObject({ typeCount: 1, total: 40 });
    const staging = await view(t, cookie, "timeframe=24h&environment=production");
    expect(staging.overview.totalErrors).toBe(28);
    const lastHour = await view(t, cookie, "timeframe=1h");
    expect(lastHour.overview.totalErrors).toBe(0);
    const week = await view(t, cookie, "timeframe=7d");
    expect(week.overview.totalErrors).toBe(68);
    expect(week.overview.affectedUsers).toBe(12);
    const byType = week.categories.byType.find((c: { type: string }) => c.type === "SpikeError");
    expect(byType).toMatchObject({ count: 40, severity: "critical", trend: "increasing" });
    expect(byType.percentage).toBeCloseTo((40 / 68) * 100, 1);
    expect(byType.samples[0].message).toMatch(/upstream 503/);
  });

  it("computes the error rate from reported executions", async () => {
    const t2 = await createTenant("rate");
    const c2 = await login(t2.admin);
    await postEvents(t2.key, { type: "RateError", occurredAt: iso(hourStart(1), 1000) });
    const before = await view(t2, c2, "timeframe=24h");
    expect(before.overview.errorRate).toBeNull();
    expect(before.overview.errorRateBasis).toMatch(/no executions reported/);
    expect((await postExecutions(t2.key, { counts: [{ at: iso(hourStart(2)), ok: 90, failed: 10, agentId: "agent-1" }] })).status).toBe(202);
    const after = await view(t2, c2, "timeframe=24h");
    expect(after.overview.errorRate).toBe(10);
    expect(after.overview.errorRateChange).toBeNull();
    const bad = await postExecutions(t2.key, { counts: [{ ok: -1 }] });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("counts[0].ok");
  });
});

describe("error-tracking view: chains and recovery", () => {
  it("makes a cascade A → B → C one chain rooted at A", async () => {
    const t = await createTenant("chain");
    const cookie = await login(t.admin);
    const at = iso(hourStart(2), 1000);
    const res = await postEvents(t.key, [
      { eventId: "root-a", type: "DatabaseTimeout", message: "db timed out", occurredAt: at },
      { eventId: "child-b", type: "QueryFailed", message: "query failed", parentEventId: "root-a", occurredAt: at },
      { eventId: "child-c", type: "RequestAborted", message: "request aborted", parentEventId: "child-b", occurredAt: at, impact: { creditsLost: 3 } },
    ]);
    expect(res.status).toBe(202);
    const v = await view(t, cookie, "timeframe=24h");
    expect(v.correlations.errorChains).toHaveLength(1);
    expect(v.correlations.errorChains[0]).toMatchObject({
      rootError: "DatabaseTimeout",
      cascadingErrors: ["QueryFailed", "RequestAborted"],
      totalImpact: 2,
      creditsLost: 3,
    });
    const root = v.errors.items.find((e: { type: string }) => e.type === "DatabaseTimeout");
    expect(root.impact.cascadingFailures).toBe(1);
  });

  it("shows on each event what it caused and what caused it, whichever of parent and child was sent first", async () => {
    const t = await createTenant("related");
    const cookie = await login(t.viewer);
    const post = async (event: Record<string, unknown>) => {
      const res = await postEvents(t.key, event);
      expect(res.status).toBe(202);
      return (await res.json()).accepted[0].groupId as string;
    };
    const related = async (groupId: string, eventId: string) => {
      const res = await getJson(`/api/v1/errors/${groupId}/events/${eventId}`, { cookie });
      expect(res.status).toBe(200);
      return (await res.json()).related as { causedBy: { eventId: string; type: string } | null; caused: { eventId: string; type: string }[] };
    };
    // The parent first, its child in a later request (linked at ingest).
    const parentGroup = await post({ eventId: "par-1", type: "ParentErr", message: "parent" });
    const childGroup = await post({ eventId: "chi-1", type: "ChildErr", message: "child", parentEventId: "par-1" });
    expect(await related(parentGroup, "par-1")).toEqual({ causedBy: null, caused: [expect.objectContaining({ eventId: "chi-1", type: "ChildErr", groupId: childGroup })] });
    expect(await related(childGroup, "chi-1")).toEqual({ causedBy: expect.objectContaining({ eventId: "par-1", type: "ParentErr" }), caused: [] });
    // The child first (its service reported before the parent's): resolved when read.
    const lateChildGroup = await post({ eventId: "chi-2", type: "ChildErr", message: "child", parentEventId: "par-2" });
    const lateParentGroup = await post({ eventId: "par-2", type: "ParentErr", message: "parent" });
    expect((await related(lateChildGroup, "chi-2")).causedBy).toEqual(expect.objectContaining({ eventId: "par-2", type: "ParentErr" }));
    expect((await related(lateParentGroup, "par-2")).caused).toEqual([expect.objectContaining({ eventId: "chi-2", type: "ChildErr" })]);
    // A parent that never arrived names nobody.
    const orphanGroup = await post({ eventId: "chi-3", type: "ChildErr", message: "child", parentEventId: "never-sent" });
    expect((await related(orphanGroup, "chi-3")).causedBy).toBeNull();
  });

  it("counts a group resolved after 2 h as 7,200 s of manual recovery", async () => {
    const t = await createTenant("manual");
    const cookie = await login(t.member);
    const firstSeen = new Date(Date.now() - 2 * HOUR);
    const res = await postEvents(t.key, { type: "ManualError", occurredAt: firstSeen.toISOString() });
    const { groupId } = (await res.json()).accepted[0];
    expect((await patchJson(`/api/v1/errors/${groupId}`, cookie, { status: "resolved", resolution: "fixed" })).status).toBe(200);
    const v = await view(t, cookie, "timeframe=24h");
    expect(v.recovery.recoveryTimes.manual.avg).toBeGreaterThanOrEqual(7200);
    expect(v.recovery.recoveryTimes.manual.avg).toBeLessThan(7210);
    expect(v.overview.manualInterventions).toBe(1);
  });

  it("counts a retry-recovered occurrence as automatic recovery with its method", async () => {
    const t = await createTenant("auto");
    const cookie = await login(t.member);
    const at = iso(hourStart(1), 1000);
    await postEvents(t.key, [
      { type: "FlakyUpstream", occurredAt: at, recovery: { recovered: true, method: "retry", durationMs: 1500, automatic: true } },
      { type: "FlakyUpstream", occurredAt: at, recovery: { recovered: true, method: "retry", durationMs: 2500, automatic: true } },
      { type: "FlakyUpstream", occurredAt: at, recovery: { recovered: false, method: "fallback", automatic: true }, metadata: { failureReason: "fallback cache empty" } },
      { type: "Unrelated", occurredAt: at },
    ]);
    const v = await view(t, cookie, "timeframe=24h");
    expect(v.recovery.recoveryTimes.automatic).toEqual({ avg: 2, median: 1.5, p95: 2.5 });
    expect(v.recovery.recoveryMethods).toEqual([
      { method: "retry", successRate: 100, avgTime: 2, usageCount: 2 },
      { method: "fallback", successRate: 0, avgTime: 0, usageCount: 1 },
    ]);
    expect(v.recovery.failedRecoveries).toEqual([
      { errorId: expect.any(String), type: "FlakyUpstream", attemptedMethods: ["fallback"], failureReason: "fallback cache empty" },
    ]);
    expect(v.overview.autoRecoveryRate).toBeCloseTo(66.67, 1);
  });
});

describe("error-tracking view: 30 days from the weekly, daily and per-project rollups", () => {
  const DAY = 86_400_000;
  /** Noon UTC, `n` days ago. */
  const noon = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY - n * DAY + 12 * HOUR);
  let t: Tenant;
  let cookie: string;

  beforeAll(async () => {
    t = await createTenant("month");
    cookie = await login(t.member);
    const at = (n: number, count: number, base: Record<string, unknown>) =>
      Array.from({ length: count }, (_, i) => ({ ...base, message: `${base.message} ${n}-${i}`, occurredAt: iso(noon(n), i * 1000) }));
    const a = { type: "WeeklyA", message: "slow query", severity: "high", environment: "production", stackTrace: "WeeklyA: x\n    at q (/app/db.js:1:1)" };
    const b = { type: "WeeklyB", message: "cache down", severity: "critical", environment: "staging", stackTrace: "WeeklyB: x\n    at c (/app/cache.js:1:1)" };
    // Spread over several Monday–Sunday weeks, so whole weekly rows, added days and subtracted days all count.
    const events = [...at(2, 3, a), ...at(12, 2, a), ...at(26, 4, a), ...at(29, 1, a), ...at(20, 5, b), ...at(40, 1, b), ...at(31, 2, b)];
    expect((await postEvents(t.key, events)).status).toBe(202);
  });

  it("counts every event of the window once, per error, per day and per filter", async () => {
    const v = await view(t, cookie, "timeframe=30d");
    expect(v.overview).toMatchObject({ totalErrors: 15, uniqueErrors: 2, previousTotalErrors: 3 });
    expect(v.topErrors.byOccurrence.map((e: { type: string; count: number }) => [e.type, e.count])).toEqual([["WeeklyA", 10], ["WeeklyB", 5]]);
    expect(v.categories.byType.find((c: { type: string }) => c.type === "WeeklyB")).toMatchObject({ count: 5, previousCount: 3, trend: "increasing" });
    const day = (n: number) => v.timeline.errorsByTime.find((b: { timestamp: string }) => b.timestamp === new Date(noon(n).getTime() - 12 * HOUR).toISOString());
    expect(day(2)).toMatchObject({ count: 3, criticalCount: 0, uniqueErrors: 1 });
    expect(day(20)).toMatchObject({ count: 5, criticalCount: 5, uniqueErrors: 1 });
    expect(v.timeline.errorsByTime.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(15);

    const critical = await view(t, cookie, "timeframe=30d&severity=critical");
    expect(critical.overview).toMatchObject({ totalErrors: 5, uniqueErrors: 1, previousTotalErrors: 3 });
    expect(critical.timeline.errorsByTime.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(5);
    const production = await view(t, cookie, "timeframe=30d&environment=production");
    expect(production.overview).toMatchObject({ totalErrors: 10, uniqueErrors: 1 });
    expect(production.timeline.errorsByTime.find((b: { count: number }) => b.count === 4)).toMatchObject({ uniqueErrors: 1, criticalCount: 0 });
  });
});

describe("error-tracking view: spikes against the level they stand out from", () => {
  const DAY = 86_400_000;
  /** UTC midnight, `n` days ago. */
  const dayStart = (n: number) => new Date(Math.floor(Date.now() / DAY) * DAY - n * DAY);

  it("finds the burst on a lasting step up, not one spike of the whole new level", async () => {
    const t = await createTenant("step");
    const cookie = await login(t.member);
    const spread = (type: string, n: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ type, message: `${type} happened`, occurredAt: iso(dayStart(n), 3600_000 + i * 120_000) }));
    const events = [];
    // One error a day, then from 7 days ago a steady 10 more a day, and a burst of 40 four days ago; none today.
    for (let n = 13; n >= 1; n--) events.push(...spread("StepAlpha", n, 1));
    for (let n = 7; n >= 1; n--) events.push(...spread("StepGamma", n, 10));
    events.push(...spread("StepBeta", 4, 40));
    expect((await postEvents(t.key, events)).status).toBe(202);

    const v = await view(t, cookie, "timeframe=30d");
    expect(v.timeline.spikes).toHaveLength(1);
    expect(v.timeline.spikes[0]).toMatchObject({
      startTime: dayStart(4).toISOString(),
      endTime: dayStart(3).toISOString(),
      peakErrors: 51,
      totalErrors: 51,
      baseline: 11,
    });
    expect(v.timeline.spikes[0].primaryCause).toMatch(/^StepBeta/);
    const pattern = (type: string) => v.timeline.patterns.find((p: { pattern: string }) => p.pattern.includes(type));
    expect(pattern("StepBeta").causedSpike).toEqual({ startTime: dayStart(4).toISOString(), endTime: dayStart(3).toISOString() });
    expect(pattern("StepGamma").causedSpike).toBeNull();
  });

  it("names the group that grew most in the spike, not the busiest one", async () => {
    const t = await createTenant("growth");
    const cookie = await login(t.member);
    const events = [];
    // Ten an hour for 29 hours (the baseline before the 24-hour window included); five hours ago 30
    // of them, beside 25 of a group never seen before.
    for (let h = 29; h >= 1; h--) {
      const count = h === 5 ? 30 : 10;
      for (let i = 0; i < count; i++) events.push({ type: "BusySteady", message: "polling failed", occurredAt: iso(hourStart(h), 60_000 + i * 90_000) });
    }
    for (let i = 0; i < 25; i++) events.push({ type: "FreshBurst", message: "new failure", occurredAt: iso(hourStart(5), 120_000 + i * 60_000) });
    expect((await postEvents(t.key, events)).status).toBe(202);

    const v = await view(t, cookie, "timeframe=24h");
    expect(v.timeline.spikes).toHaveLength(1);
    expect(v.timeline.spikes[0]).toMatchObject({ startTime: hourStart(5).toISOString(), peakErrors: 55, baseline: 10 });
    // BusySteady has more events in the spike (30 against 25) but grew by 20; FreshBurst by 25.
    expect(v.timeline.spikes[0].primaryCause).toMatch(/^FreshBurst/);
  });
});

describe("error-tracking view: pattern correlation within the window", () => {
  it("names the window's single user and the release last seen in it, not the first event's", async () => {
    const t = await createTenant("correlation");
    const cookie = await login(t.member);
    const event = (type: string, hoursAgo: number, extra: Record<string, unknown>) => ({ type, message: `${type} happened`, occurredAt: iso(hourStart(hoursAgo), 1000), ...extra });
    expect(
      (
        await postEvents(t.key, [
          event("RegressedRelease", 72, { userId: "u-old", agentId: "agent-1", release: "1.1.0", environment: "production" }),
          event("RegressedRelease", 2, { userId: "u-new", agentId: "agent-1", release: "1.2.0", environment: "production" }),
          event("RegressedRelease", 1, { userId: "u-new", agentId: "agent-1", release: "1.2.0", environment: "production" }),
          event("TwoReleases", 3, { userId: "a", agentId: "agent-2", release: "2.0.0", environment: "staging" }),
          event("TwoReleases", 1, { userId: "b", agentId: "agent-3", release: "2.0.1", environment: "staging" }),
        ])
      ).status,
    ).toBe(202);
    const correlation = (v: { timeline: { patterns: { pattern: string; correlation: string }[] } }, type: string) =>
      v.timeline.patterns.find((p) => p.pattern.includes(type))?.correlation;

    const day = await view(t, cookie, "timeframe=24h");
    expect(correlation(day, "RegressedRelease")).toBe("a single agent (all time); a single user; release 1.2.0; environment production");
    expect(correlation(day, "TwoReleases")).toBe("release 2.0.1 (latest of 2); environment staging");
    // Seven days hold both of its users and both of its releases.
    const week = await view(t, cookie, "timeframe=7d");
    expect(correlation(week, "RegressedRelease")).toBe("a single agent (all time); release 1.2.0 (latest of 2); environment production");
  });
});

describe("error-tracking view and report: a group resolved and then regressed", () => {
  let t: Tenant;
  let cookie: string;

  beforeAll(async () => {
    t = await createTenant("regressed");
    cookie = await login(t.member);
    const firstSeen = new Date(Date.now() - 2 * HOUR);
    const res = await postEvents(t.key, { type: "RegressedError", message: "came back", occurredAt: firstSeen.toISOString() });
    const { groupId } = (await res.json()).accepted[0];
    expect((await patchJson(`/api/v1/errors/${groupId}`, cookie, { status: "resolved" })).status).toBe(200);
    // One more event after the resolve: the issue regresses (open again; its resolvedAt stays).
    expect((await postEvents(t.key, { type: "RegressedError", message: "came back" })).status).toBe(202);
    const detail = await (await getJson(`/api/v1/errors/${groupId}`, { cookie })).json();
    expect(detail.status).toBe("new");
    expect(detail.regressedAt).not.toBeNull();
  });

  it("the view counts the resolve as a manual intervention of about 2 h, as its resolution section does", async () => {
    const v = await view(t, cookie, "timeframe=24h");
    expect(v.resolution.overall.resolve.count).toBe(1);
    expect(v.overview.manualInterventions).toBe(1);
    expect(v.recovery.recoveryTimes.manual.avg).toBeGreaterThanOrEqual(7200);
    expect(v.recovery.recoveryTimes.manual.avg).toBeLessThan(7260);
    // No recovery outcome was reported: no rate and no automatic times, rather than 0.
    expect(v.overview.autoRecoveryRate).toBeNull();
    expect(v.recovery.recoveryTimes.automatic).toBeNull();
  });

  it("the report measures its resolution time from its first event, not from the later regression", async () => {
    const report = await (await getJson(`/api/v1/workspaces/${t.workspaceId}/report?format=json`, { cookie })).json();
    expect(report.totals).toMatchObject({ resolved: 1, regressed: 1 });
    expect(report.resolutionTimes.overall.count).toBe(1);
    expect(report.resolutionTimes.overall.meanSeconds).toBeGreaterThanOrEqual(7200);
    expect(report.resolutionTimes.overall.meanSeconds).toBeLessThan(7260);
    expect(report.resolutionTimes.byCategory).toHaveLength(1);
    expect(report.resolutionTimes.byCategory[0].meanSeconds).toBe(report.resolutionTimes.overall.meanSeconds);
  });
});
