// @serial-db: asserts process-wide request counters (not per workspace), so it runs while no other test file sends events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, api, errorEvent, waitUntil } from "@/e2e/support/alertHelpers";
import { parsePrometheusText, sampleValue, type Exposition } from "@/e2e/support/prometheusText";
import { BASE_URL, createTenant, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";

/**
 * GET /api/metrics needs METRICS_TOKEN in the app's environment (the test runner passes the same
 * environment to the app and to the tests). Without it the endpoint is disabled: only that is checked.
 */
const token = process.env.METRICS_TOKEN;

async function scrape(): Promise<Exposition> {
  const res = await fetch(`${BASE_URL}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

describe.runIf(!token)("GET /api/metrics without METRICS_TOKEN", () => {
  it("is disabled", async () => {
    console.warn("METRICS_TOKEN is not set: only checking that /api/metrics is disabled");
    expect((await fetch(`${BASE_URL}/api/metrics`)).status).toBe(404);
  });
});

describe.runIf(Boolean(token))("GET /api/metrics", () => {
  let receiver: WebhookReceiver;
  let t: Tenant;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTenant("metrics");
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("needs the bearer token", async () => {
    const none = await fetch(`${BASE_URL}/api/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await fetch(`${BASE_URL}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
  });

  it("parses, and its counters match the events ingested", async () => {
    const before = await scrape();
    const requestsBefore = sampleValue(before, "faultline_ingest_requests_total", { endpoint: "events", status: "202" });
    const rejectedBefore = sampleValue(before, "faultline_ingest_requests_total", { endpoint: "events", status: "401" });
    const latencyBefore = sampleValue(before, "faultline_ingest_request_duration_seconds_count", { endpoint: "events", status: "202" });

    const batch = [
      ...Array.from({ length: 3 }, () => errorEvent("Db", "critical", { category: "database" })),
      ...Array.from({ length: 4 }, () => errorEvent("Api", "high", { category: "api" })),
      errorEvent("Api2", "high", { category: "api" }),
      errorEvent("Val", "low", { category: "validation", eventId: "fixed-event-id-1" }),
    ];
    expect((await postEvents(t.key, batch)).status).toBe(202);
    expect((await postEvents(t.key, [errorEvent("Val", "low", { category: "validation", eventId: "fixed-event-id-1" })])).status).toBe(202); // a duplicate
    expect((await postEvents("not-a-key", [errorEvent("Db", "critical")])).status).toBe(401);

    const after = await scrape();
    const errors = (severity: string, category: string) => sampleValue(after, "faultline_errors_total", { workspace: t.workspaceId, project: t.projectId, severity, category });
    expect(errors("critical", "database")).toBe(3);
    expect(errors("high", "api")).toBe(5);
    expect(errors("low", "validation")).toBe(1); // the duplicate is not counted
    expect(sampleValue(after, "faultline_errors_total", { workspace: t.workspaceId })).toBe(9);
    expect(sampleValue(after, "faultline_ingest_requests_total", { endpoint: "events", status: "202" }) - requestsBefore).toBe(2);
    expect(sampleValue(after, "faultline_ingest_requests_total", { endpoint: "events", status: "401" }) - rejectedBefore).toBe(1);
    expect(sampleValue(after, "faultline_ingest_request_duration_seconds_count", { endpoint: "events", status: "202" }) - latencyBefore).toBe(2);
    const inf = sampleValue(after, "faultline_ingest_request_duration_seconds_bucket", { endpoint: "events", status: "202", le: "+Inf" });
    expect(inf).toBe(sampleValue(after, "faultline_ingest_request_duration_seconds_count", { endpoint: "events", status: "202" }));
    expect(after.types.get("faultline_errors_total")).toBe("counter");
    expect(after.types.get("faultline_ingest_request_duration_seconds")).toBe("histogram");
  });

  it("reports active alerts, deliveries and resolution times", async () => {
    const admin = await login(t.admin);
    const path = `/metrics-${t.workspaceId.slice(-8)}`;
    const channel = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Hook", kind: "webhook", config: { url: `${receiver.url}${path}` } });
    const res = await postEvents(t.key, errorEvent("Fatal", "critical", { category: "system" }));
    const groupId = (await res.json()).accepted[0].groupId as string;
    await waitUntil(async () => (await alertsOfRule(t.workspaceId, "severity-critical")).find((a) => a.errorGroupId === groupId), 5000, "alert");
    await receiver.waitFor((r) => r.path === path, 2); // critical + new issue
    // The receiver can see the request before the sender has recorded its outcome: wait for the counter.
    const delivered = (m: Exposition) => sampleValue(m, "faultline_notification_deliveries_total", { channel: channel.body.id, kind: "webhook", outcome: "delivered" });
    const firing = await waitUntil(async () => {
      const m = await scrape();
      return delivered(m) >= 2 ? m : null;
    }, 5000, "delivery counter");
    const active = (severity: string) => sampleValue(firing, "faultline_alerts_active", { workspace: t.workspaceId, severity });
    expect(active("critical")).toBe(4); // Db and Fatal: each a critical-error and a new-issue alert
    expect(active("low")).toBe(1); // Val's new-issue alert
    expect(delivered(firing)).toBe(2);
    expect(sampleValue(firing, "faultline_alerts_fired_total", { workspace: t.workspaceId, severity: "critical", rule_kind: "severity_count" })).toBe(2);

    const member = await login(t.member);
    expect((await patchJson(`/api/v1/errors/${groupId}`, member, { status: "resolved" })).status).toBe(200);
    const resolved = await scrape();
    expect(sampleValue(resolved, "faultline_error_resolution_seconds_count", { workspace: t.workspaceId, severity: "critical", category: "system" })).toBe(1);
    expect(sampleValue(resolved, "faultline_alerts_active", { workspace: t.workspaceId, severity: "critical" })).toBe(2); // Fatal's two resolved with it
  });
});
