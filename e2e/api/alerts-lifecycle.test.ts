import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, api, deliveriesOf, errorEvent, waitUntil } from "@/e2e/support/alertHelpers";
import { createTenant, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";
import { evaluateAlerts } from "@/lib/alerts/evaluate/evaluateAlerts";
import { withAdvisoryLock } from "@/lib/db/advisoryLock";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

type Body = { event?: string; stage?: string; alert?: { id: string }; event_action?: string; dedup_key?: string; payload?: { custom_details?: { stage?: string } } };
const body = (r: { body: unknown }) => r.body as Body;
const at = (base: Date, minutes: number, seconds = 0) => new Date(base.getTime() + minutes * 60_000 + seconds * 1000);

describe("alert lifecycle and escalation", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  let viewer: string;
  let hook: string;
  let pd: string;

  beforeAll(async () => {
    t = await createTenant("life");
    [admin, member, viewer] = await Promise.all([login(t.admin), login(t.member), login(t.viewer)]);
    hook = `/life-${t.workspaceId.slice(-8)}/hook`;
    pd = `/life-${t.workspaceId.slice(-8)}/pd`;
    const add = async (channel: unknown) => expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, channel)).status).toBe(201);
    await add({ name: "Hook", kind: "webhook", config: { url: `${receiver.url}${hook}` } });
    // Seed 004: PagerDuty only once an alert escalates.
    await add({ name: "PagerDuty", kind: "pagerduty", severities: ["critical"], stages: ["escalate", "final"], config: { routingKey: "ROUTING-KEY-1234567890", url: `${receiver.url}${pd}` } });
    const rules = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as { id: string; defaultKey: string }[];
    await api("PATCH", `/api/v1/alert-rules/${rules.find((r) => r.defaultKey === "new-issue")!.id}`, admin, { enabled: false });
  });

  async function fireCritical(label: string) {
    const res = await postEvents(t.key, errorEvent(label, "critical"));
    const groupId = (await res.json()).accepted[0].groupId as string;
    const alert = await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).find((a) => a.errorGroupId === groupId), 5000, "critical alert");
    await receiver.waitFor((r) => r.path === hook && body(r).alert?.id === alert.id);
    return { groupId, alert };
  }
  const forAlert = (path: string, alertId: string) => receiver.requests.filter((r) => r.path === path && (body(r).alert?.id === alertId || body(r).dedup_key === `faultline-${alertId}`));

  it("escalates an unacknowledged critical alert at 15 and 30 minutes, once each, to each stage's channels", async () => {
    const { alert } = await fireCritical("Escalate");
    const firedAt = new Date(alert.firedAt);
    const scope = { workspaceIds: [t.workspaceId] };
    expect(forAlert(pd, alert.id)).toHaveLength(0); // PagerDuty is not an initial-stage channel

    await evaluateAlerts({ ...scope, now: at(firedAt, 14, 59) });
    expect((await alertsOfRule(t.workspaceId, "severity-critical")).find((a) => a.id === alert.id)?.stage).toBe("initial");

    const first = await evaluateAlerts({ ...scope, now: at(firedAt, 15) });
    expect(first.escalated).toBe(1);
    expect(forAlert(hook, alert.id).map((r) => body(r).event)).toEqual(["alert.triggered", "alert.escalated"]);
    expect(forAlert(pd, alert.id).map((r) => [body(r).event_action, body(r).payload?.custom_details?.stage])).toEqual([["trigger", "escalate"]]);

    await evaluateAlerts({ ...scope, now: at(firedAt, 29, 59) });
    expect(forAlert(pd, alert.id)).toHaveLength(1);
    await evaluateAlerts({ ...scope, now: at(firedAt, 30) });
    await evaluateAlerts({ ...scope, now: at(firedAt, 31) }); // already final: nothing more
    expect(forAlert(hook, alert.id).map((r) => body(r).stage)).toEqual(["initial", "escalate", "final"]);
    expect(forAlert(pd, alert.id).map((r) => body(r).payload?.custom_details?.stage)).toEqual(["escalate", "final"]);

    const detail = await api("GET", `/api/v1/alerts/${alert.id}`, viewer);
    expect(detail.body).toMatchObject({ stage: "final", nextEscalationAt: null, status: "active" });
    expect(detail.body.audit.map((a: { action: string; after: { stage?: string } }) => [a.action, a.after?.stage ?? null])).toEqual([
      ["alert.triggered", null],
      ["alert.escalated", "escalate"],
      ["alert.escalated", "final"],
    ]);
  });

  it("resolving the error resolves its alert and closes the PagerDuty incident", async () => {
    const [alert] = (await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.stage === "final");
    expect((await patchJson(`/api/v1/errors/${alert.errorGroupId}`, member, { status: "resolved", resolution: "pool resized" })).status).toBe(200);
    const [after] = (await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.id === alert.id);
    expect(after).toMatchObject({ status: "resolved", resolution: "error resolved" });
    const [resolve] = await receiver.waitFor((r) => r.path === pd && body(r).event_action === "resolve" && body(r).dedup_key === `faultline-${alert.id}`);
    expect(resolve.body).toEqual({ routing_key: "ROUTING-KEY-1234567890", event_action: "resolve", dedup_key: `faultline-${alert.id}` });
    await receiver.waitFor((r) => r.path === hook && body(r).event === "alert.resolved" && body(r).alert?.id === alert.id);
    const detail = await api("GET", `/api/v1/alerts/${alert.id}`, viewer);
    expect(detail.body.audit.at(-1)).toMatchObject({ action: "alert.resolved", actorType: "user", actorId: t.member.id, after: { status: "resolved", resolution: "error resolved" } });
  });

  it("active → acknowledged → resolved by members, audited; acknowledging stops escalation", async () => {
    const { alert } = await fireCritical("Ack");
    expect((await api("PATCH", `/api/v1/alerts/${alert.id}`, viewer, { status: "acknowledged" })).status).toBe(403);
    const acked = await api("PATCH", `/api/v1/alerts/${alert.id}`, member, { status: "acknowledged" });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({ status: "acknowledged", acknowledgedBy: t.member.id, nextEscalationAt: null });

    const run = await evaluateAlerts({ workspaceIds: [t.workspaceId], now: at(new Date(alert.firedAt), 45) });
    expect(run.escalated).toBe(0);
    expect(forAlert(pd, alert.id)).toHaveLength(0);

    const resolved = await api("PATCH", `/api/v1/alerts/${alert.id}`, member, { status: "resolved", resolution: "rolled back" });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedBy: t.member.id, resolution: "rolled back" });
    expect((await api("PATCH", `/api/v1/alerts/${alert.id}`, member, { status: "resolved" })).status).toBe(200);
    const reopen = await api("PATCH", `/api/v1/alerts/${alert.id}`, member, { status: "acknowledged" });
    expect(reopen.status).toBe(409);
    expect(resolved.body.audit.map((a: { action: string; actorId: string | null }) => [a.action, a.actorId])).toEqual([
      ["alert.triggered", null],
      ["alert.acknowledged", t.member.id],
      ["alert.resolved", t.member.id],
    ]);
    // The webhook (which tracks state) heard about both; the error itself stays open.
    await receiver.waitFor((r) => r.path === hook && body(r).alert?.id === alert.id && body(r).event === "alert.resolved");
    expect(forAlert(hook, alert.id).map((r) => body(r).event)).toEqual(["alert.triggered", "alert.acknowledged", "alert.resolved"]);

    const list = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts?status=resolved`, viewer);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(alert.id);
    expect(list.body.counts.resolved).toBeGreaterThanOrEqual(2);
    const bad = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts?status=open`, viewer);
    expect(bad.status).toBe(422);
  });

  it("ignoring an error resolves its alerts and keeps it quiet", async () => {
    const { groupId, alert } = await fireCritical("Ignore");
    expect((await patchJson(`/api/v1/errors/${groupId}`, member, { status: "ignored" })).status).toBe(200);
    expect((await alertsOfRule(t.workspaceId, "severity-critical")).find((a) => a.id === alert.id)).toMatchObject({ status: "resolved", resolution: "error ignored" });
    await postEvents(t.key, errorEvent("Ignore", "critical"));
    await evaluateAlerts({ workspaceIds: [t.workspaceId] });
    await fireCritical("IgnoreBarrier"); // everything ingested before has been evaluated
    expect((await alertsOfRule(t.workspaceId, "severity-critical")).filter((a) => a.errorGroupId === groupId)).toHaveLength(1);
  });
});

describe("several evaluators at once", () => {
  it("fire each alert once, and the advisory lock lets one evaluator run at a time", async () => {
    const t = await createTenant("race");
    const admin = await login(t.admin);
    const path = `/race-${t.workspaceId.slice(-8)}`;
    await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Hook", kind: "webhook", config: { url: `${receiver.url}${path}` } });
    // Stored directly, bypassing the app's ingest hook: only the background evaluators see them.
    const events = Array.from({ length: 6 }, () => prepareEvent(IngestEventSchema.parse(errorEvent("Race", "high"))));
    await storeEvents({ workspaceId: t.workspaceId, projectId: t.projectId }, events);

    const runs = await Promise.all(Array.from({ length: 4 }, () => evaluateAlerts({ workspaceIds: [t.workspaceId] })));
    expect(runs.reduce((n, r) => n + r.fired, 0)).toBeLessThanOrEqual(1);
    const alerts = await alertsOfRule(t.workspaceId, "severity-high");
    expect(alerts).toHaveLength(1);
    await waitUntil(async () => (await deliveriesOf(alerts[0].id)).every((d) => d.status === "delivered"), 5000, "delivery");
    expect(await deliveriesOf(alerts[0].id)).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.path === path && body(r).alert?.id === alerts[0].id)).toHaveLength(1);

    const key = 0x7e57_0001; // a test key, not the app's evaluator lock
    const hold = () => new Promise((r) => setTimeout(r, 150));
    const results = await Promise.all([withAdvisoryLock(key, hold), withAdvisoryLock(key, hold)]);
    expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
    expect((await withAdvisoryLock(key, async () => "again")).ran).toBe(true);
  });
});
