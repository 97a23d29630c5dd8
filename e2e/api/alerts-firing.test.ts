import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, api, deliveriesOf, deliveriesSettled, errorEvent, evaluationBarrier, waitUntil } from "@/e2e/support/alertHelpers";
import { BASE_URL, createTenant, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";
import { evaluateAlerts } from "@/lib/alerts/evaluate/evaluateAlerts";

/**
 * Each built-in rule fires exactly once when its threshold is crossed, and not below it. The app
 * evaluates immediate rules and the touched groups' windowed counts right after ingest; the test
 * also runs the background evaluator itself (same database, injected time, scoped to the tenant), so
 * both paths are held to "not below, exactly once".
 */
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

interface Setup {
  t: Tenant;
  cookie: string;
  path: string;
}

async function setup(label: string): Promise<Setup> {
  const t = await createTenant(label);
  const cookie = await login(t.admin);
  const path = `/${label}-${t.workspaceId.slice(-8)}`;
  const res = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, cookie, {
    name: "All alerts",
    kind: "webhook",
    severities: ["critical", "high", "medium", "low"],
    config: { url: `${receiver.url}${path}` },
  });
  expect(res.status).toBe(201);
  return { t, cookie, path };
}

async function post(key: string, events: unknown[]) {
  const res = await postEvents(key, events);
  expect(res.status).toBe(202);
  return (await res.json()) as { accepted: { groupId: string }[] };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const triggeredFor = (path: string, alertId: string) => receiver.requests.filter((r) => r.path === path && (r.body as { event: string; alert: { id: string } }).alert?.id === alertId && (r.body as { event: string }).event === "alert.triggered");

/**
 * After more events past the threshold: still one alert for the rule, one notification per channel.
 * (No barrier for error-rate and spike rules: the barrier's own error would change their measure.)
 */
async function expectFiredOnce(s: Setup, defaultKey: string, barrier = true) {
  if (barrier) await evaluationBarrier(s.t.key, receiver, s.path);
  await evaluateAlerts({ workspaceIds: [s.t.workspaceId] });
  await deliveriesSettled(s.t.workspaceId);
  const alerts = await alertsOfRule(s.t.workspaceId, defaultKey);
  expect(alerts).toHaveLength(1);
  expect((await deliveriesOf(alerts[0].id)).filter((d) => d.stage === "initial")).toHaveLength(1);
  expect(triggeredFor(s.path, alerts[0].id)).toHaveLength(1);
  return alerts[0];
}

/** Below the threshold: neither the ingest path nor the background evaluator fires. */
async function expectNotFired(s: Setup, defaultKey: string, barrier = true) {
  if (barrier) await evaluationBarrier(s.t.key, receiver, s.path);
  await evaluateAlerts({ workspaceIds: [s.t.workspaceId] });
  expect(await alertsOfRule(s.t.workspaceId, defaultKey)).toEqual([]);
}

describe("built-in alert rules", () => {
  it("critical: fires on the first critical event, then only counts further ones", async () => {
    const s = await setup("crit");
    const below = await post(s.t.key, [errorEvent("Pay", "high"), errorEvent("Pay2", "medium")]);
    await evaluationBarrier(s.t.key, receiver, s.path);
    const criticalGroups = (await alertsOfRule(s.t.workspaceId, "severity-critical")).map((a) => a.errorGroupId);
    expect(criticalGroups).not.toContain(below.accepted[0].groupId);
    expect(criticalGroups).not.toContain(below.accepted[1].groupId);

    const started = Date.now();
    const { accepted } = await post(s.t.key, [errorEvent("Db", "critical")]);
    const groupId = accepted[0].groupId;
    const alert = await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "severity-critical")).find((a) => a.errorGroupId === groupId), 5000, "critical alert");
    const alertMs = Date.now() - started;
    await receiver.waitFor((r) => r.path === s.path && (r.body as { alert?: { id: string } }).alert?.id === alert.id);
    console.log(`critical: ingest → alert row ${alertMs} ms, → webhook ${Date.now() - started} ms`);
    expect(alert).toMatchObject({ severity: "critical", status: "active", count: 1 });

    await post(s.t.key, [errorEvent("Db", "critical"), errorEvent("Db", "critical")]);
    await evaluationBarrier(s.t.key, receiver, s.path);
    await deliveriesSettled(s.t.workspaceId);
    const forGroup = (await alertsOfRule(s.t.workspaceId, "severity-critical")).filter((a) => a.errorGroupId === groupId);
    expect(forGroup).toHaveLength(1);
    expect(forGroup[0].count).toBe(3);
    expect(triggeredFor(s.path, alert.id)).toHaveLength(1);
  });

  it("high: 5 in 5 minutes, counting only events inside the window", async () => {
    const s = await setup("high");
    // Four old events (6 minutes ago) and four recent ones: never 5 inside the window.
    await post(s.t.key, Array.from({ length: 4 }, () => errorEvent("Slow", "high", { occurredAt: minutesAgo(6) })));
    await post(s.t.key, Array.from({ length: 4 }, () => errorEvent("Slow", "high")));
    await expectNotFired(s, "severity-high");

    await post(s.t.key, [errorEvent("Slow", "high")]);
    const alert = await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "severity-high"))[0], 5000, "high alert");
    expect(alert).toMatchObject({ severity: "high", value: 5 });

    await post(s.t.key, [errorEvent("Slow", "high"), errorEvent("Slow", "high")]);
    await expectFiredOnce(s, "severity-high");
  });

  it("medium: 20 in 15 minutes", async () => {
    const s = await setup("med");
    await post(s.t.key, Array.from({ length: 19 }, () => errorEvent("Val", "medium")));
    await expectNotFired(s, "severity-medium");
    await post(s.t.key, [errorEvent("Val", "medium")]);
    await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "severity-medium"))[0], 5000, "medium alert");
    await post(s.t.key, Array.from({ length: 5 }, () => errorEvent("Val", "medium")));
    expect((await expectFiredOnce(s, "severity-medium")).severity).toBe("medium");
  });

  it("low: 100 in 1 hour", async () => {
    const s = await setup("low");
    // Spread over the hour: the window is an hour, not the last minutes.
    await post(s.t.key, Array.from({ length: 99 }, (_, i) => errorEvent("Warn", "low", { occurredAt: minutesAgo(59 - i * 0.5) })));
    await expectNotFired(s, "severity-low");
    await post(s.t.key, [errorEvent("Warn", "low")]);
    await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "severity-low"))[0], 5000, "low alert");
    await post(s.t.key, [errorEvent("Warn", "low")]);
    const alert = await expectFiredOnce(s, "severity-low");
    expect(alert.value).toBeGreaterThanOrEqual(100);
  });

  it("error rate: above 5 % of executions failing", async () => {
    const s = await setup("rate");
    const executions = (counts: Record<string, number>) =>
      fetch(`${BASE_URL}/api/v1/executions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-faultline-key": s.t.key },
        body: JSON.stringify(counts),
      }).then((r) => expect(r.status).toBe(202));
    await executions({ ok: 95, failed: 5 });
    await expectNotFired(s, "error-rate"); // 5 failed of 100 = 5 %: not above

    await executions({ failed: 1 });
    await evaluateAlerts({ workspaceIds: [s.t.workspaceId] });
    const alert = await expectFiredOnce(s, "error-rate");
    expect(alert).toMatchObject({ severity: "high", value: 5.94, errorGroupId: null, projectId: s.t.projectId });

    // Plenty more successful executions: the rate falls under 5 % and the alert resolves itself.
    await executions({ ok: 1000 });
    await evaluateAlerts({ workspaceIds: [s.t.workspaceId] });
    const [after] = await alertsOfRule(s.t.workspaceId, "error-rate");
    expect(after).toMatchObject({ status: "resolved", resolution: "condition cleared" });
  });

  it("spike: above 3× the trailing hour's average in 5 minutes", async () => {
    const s = await setup("spike");
    // Baseline: 48 errors between 6 and 53 minutes ago = 4 per 5 minutes; 3× that is 12.
    await post(s.t.key, Array.from({ length: 48 }, (_, i) => errorEvent("Burst", "low", { occurredAt: minutesAgo(6 + i) })));
    await post(s.t.key, Array.from({ length: 12 }, () => errorEvent("Burst", "low")));
    await expectNotFired(s, "spike", false);

    await post(s.t.key, [errorEvent("Burst", "low")]);
    await evaluateAlerts({ workspaceIds: [s.t.workspaceId] });
    const alert = await expectFiredOnce(s, "spike", false);
    expect(alert).toMatchObject({ severity: "high", value: 3.25, errorGroupId: null });
  });

  it("new issue: once per new error, not for its repeats", async () => {
    const s = await setup("new");
    const first = await post(s.t.key, [errorEvent("Fresh", "low")]);
    const alert = await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "new-issue")).find((a) => a.errorGroupId === first.accepted[0].groupId), 5000, "new-issue alert");
    expect(alert.severity).toBe("low"); // the error's own severity
    await post(s.t.key, [errorEvent("Fresh", "low"), errorEvent("Fresh", "low")]);
    await evaluationBarrier(s.t.key, receiver, s.path);
    await deliveriesSettled(s.t.workspaceId);
    const forGroup = (await alertsOfRule(s.t.workspaceId, "new-issue")).filter((a) => a.errorGroupId === first.accepted[0].groupId);
    expect(forGroup).toHaveLength(1);
    expect(forGroup[0].count).toBe(1);
    expect(triggeredFor(s.path, alert.id)).toHaveLength(1);
  });

  it("regression: a resolved error that comes back fires once", async () => {
    const s = await setup("regr");
    const member = await login(s.t.member);
    const { accepted } = await post(s.t.key, [errorEvent("Back", "medium")]);
    const groupId = accepted[0].groupId;
    await evaluationBarrier(s.t.key, receiver, s.path);
    expect(await alertsOfRule(s.t.workspaceId, "regression")).toEqual([]);

    expect((await patchJson(`/api/v1/errors/${groupId}`, member, { status: "resolved" })).status).toBe(200);
    await post(s.t.key, [errorEvent("Back", "medium")]);
    const alert = await waitUntil(async () => (await alertsOfRule(s.t.workspaceId, "regression"))[0], 5000, "regression alert");
    expect(alert).toMatchObject({ errorGroupId: groupId, severity: "medium", status: "active" });
    await post(s.t.key, [errorEvent("Back", "medium")]);
    await expectFiredOnce(s, "regression");
  });
});
