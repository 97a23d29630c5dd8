import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { pruneForwardingLog } from "@/lib/forwarding/deliver/pruneForwardingLog";
import { resealForwardingSecrets } from "@/lib/forwarding/rules/resealForwardingSecrets";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { envelope, errorEvent, newEventId } from "@/e2e/support/envelopes";
import { startSentryCaptureServer, type SentryCaptureServer } from "@/e2e/support/sentryCaptureServer";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";

/**
 * Forwarding rules against local stand-ins: a Sentry-protocol capture server (parses the envelope),
 * a generic HTTP receiver (verifies the HMAC signature) and a Datadog-style logs receiver.
 */
let sentry: SentryCaptureServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  sentry = await startSentryCaptureServer();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await sentry.close();
  await receiver.close();
});

interface SentryEventPayload {
  exception: { values: { type: string; value: string; stacktrace: { frames: Record<string, unknown>[] } }[] };
}

const rulesPath = (t: Tenant) => `/api/v1/projects/${t.projectId}/forwarding-rules`;

async function addRule(t: Tenant, cookie: string, rule: Record<string, unknown>) {
  const res = await api("POST", rulesPath(t), cookie, rule);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; config: Record<string, unknown>; signingSecret?: string };
}

interface DeliveryRow {
  id: string;
  ruleId: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
}

/** The rule's row as stored: the secrets column must be one sealed string, nothing readable. */
async function storedRule(ruleId: string) {
  const [row] = await query<{ secrets: Record<string, unknown>; config: Record<string, unknown> }>(`SELECT secrets, config FROM "ForwardingRule" WHERE id = $1`, [ruleId]);
  return row;
}

async function expectSealed(ruleId: string, plainSecrets: string[]) {
  const row = await storedRule(ruleId);
  expect(Object.keys(row.secrets)).toEqual(["sealed"]);
  expect(row.secrets.sealed).toMatch(/^v1:[0-9a-f]{8}:/);
  const text = JSON.stringify(row);
  for (const secret of plainSecrets) expect(text).not.toContain(secret);
  return row;
}

async function deliveries(t: Tenant, cookie: string, query = ""): Promise<DeliveryRow[]> {
  const res = await api("GET", `/api/v1/projects/${t.projectId}/forwarding-deliveries${query}`, cookie);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe("forwarding rules API", () => {
  let t: Tenant;
  let admin: string;

  beforeAll(async () => {
    t = await createTenant("fwd-api");
    admin = await login(t.admin);
  });

  it("admins create and edit rules; members and viewers read them with secrets masked", async () => {
    const dsn = sentry.dsn("d5nsecretkey0123456789", "42");
    const created = await addRule(t, admin, { name: "Copy to Sentry", kind: "sentry", severities: ["critical"], config: { dsn } });
    expect(created.config.dsn).toMatch(/^http:\/\/••••@127\.0\.0\.1:\d+\/42$/);
    // At rest the DSN (with its key) is sealed: the row does not hold it in clear.
    const sealedAtCreate = await expectSealed(created.id, ["d5nsecretkey0123456789", dsn]);

    for (const user of [t.member, t.viewer]) {
      const list = await api("GET", rulesPath(t), await login(user));
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).toContain(created.id);
      expect(JSON.stringify(list.body)).not.toContain("d5nsecretkey0123456789");
    }
    const member = await login(t.member);
    expect((await api("POST", rulesPath(t), member, { name: "x", kind: "sentry", config: { dsn } })).status).toBe(403);
    expect((await api("PATCH", `/api/v1/forwarding-rules/${created.id}`, member, { enabled: false })).status).toBe(403);
    expect((await api("DELETE", `/api/v1/forwarding-rules/${created.id}`, await login(t.viewer))).status).toBe(403);

    // Sending the masked DSN back keeps the real one; filters change.
    const patched = await api("PATCH", `/api/v1/forwarding-rules/${created.id}`, admin, { severities: ["high", "critical"], config: { dsn: created.config.dsn } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ severities: ["high", "critical"], secretsUnreadable: false, config: { dsn: created.config.dsn } });
    // Still sealed after the edit (a fresh IV: a new sealed string for the same DSN).
    expect((await expectSealed(created.id, ["d5nsecretkey0123456789"])).secrets.sealed).not.toBe(sealedAtCreate.secrets.sealed);
    expect((await api("DELETE", `/api/v1/forwarding-rules/${created.id}`, admin)).status).toBe(204);
    expect((await api("PATCH", `/api/v1/forwarding-rules/${created.id}`, admin, { enabled: true })).status).toBe(404);
  });

  it("validates input (422 naming the field), hides other workspaces (404), wants a session (401)", async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await api("POST", rulesPath(t), admin, body);
      expect(res.status).toBe(422);
      expect(res.body.error.issues[0].path).toBe(path);
    };
    await bad({ name: "x", kind: "pagerduty", config: {} }, "kind");
    await bad({ name: "x", kind: "sentry", config: { dsn: "https://no-key.example.com/1" } }, "config.dsn");
    await bad({ name: "x", kind: "webhook", config: { url: "ftp://example.com" } }, "config.url");
    await bad({ name: "x", kind: "datadog", config: {} }, "config.apiKey");
    await bad({ name: "x", kind: "webhook", severities: ["urgent"], config: { url: "http://example.com" } }, "severities[0]");

    const other = await createTenant("fwd-other");
    const otherAdmin = await login(other.admin);
    const rule = await addRule(t, admin, { name: "Hook", kind: "webhook", config: { url: `${receiver.url}/hidden` } });
    expect((await api("GET", rulesPath(t), otherAdmin)).status).toBe(404);
    expect((await api("PATCH", `/api/v1/forwarding-rules/${rule.id}`, otherAdmin, { enabled: false })).status).toBe(404);
    expect((await api("GET", `/api/v1/projects/${t.projectId}/forwarding-deliveries`, otherAdmin)).status).toBe(404);
    expect((await api("GET", rulesPath(t), null)).status).toBe(401);
    expect((await api("DELETE", `/api/v1/forwarding-rules/${rule.id}`, admin)).status).toBe(204);
  });
});

describe("forwarding to a Sentry DSN", () => {
  it("sends a copy of matching events as an envelope, once per event, from both ingest doors", async () => {
    const t = await createTenant("fwd-sentry");
    const admin = await login(t.admin);
    const before = sentry.envelopes.length;
    const rule = await addRule(t, admin, {
      name: "High in production to Sentry",
      kind: "sentry",
      severities: ["high", "critical"],
      environments: ["production"],
      config: { dsn: sentry.dsn("pubkey123", "7") },
    });

    const events = [
      { eventId: "fwd-match-1", type: "PaymentDeclined", message: "card declined for order 17", severity: "high", environment: "production", release: "3.1.0", userId: "u-1", tags: { route: "/pay" }, stackTrace: "PaymentDeclined: card declined\n    at charge (/srv/app/src/payments/charge.ts:31:9)\n    at checkout (/srv/app/src/checkout.ts:12:3)" },
      { eventId: "fwd-low", type: "CacheMiss", message: "cold cache", severity: "low", environment: "production" },
      { eventId: "fwd-staging", type: "PaymentDeclined", message: "card declined", severity: "high", environment: "staging" },
    ];
    expect((await postEvents(t.key, { events })).status).toBe(202);
    // A client retrying the same event: stored once, forwarded once.
    expect((await postEvents(t.key, events[0])).status).toBe(202);

    const [copy] = (await sentry.waitFor(before + 1)).slice(before);
    expect(copy.path).toBe("/api/7/envelope/");
    expect(copy.query.get("sentry_key")).toBe("pubkey123");
    expect(copy.headers["content-type"]).toBe("application/x-sentry-envelope");
    expect(copy.header).toMatchObject({ event_id: expect.stringMatching(/^[0-9a-f]{32}$/), dsn: sentry.dsn("pubkey123", "7") });
    expect(copy.items).toHaveLength(1);
    expect(copy.items[0].header).toMatchObject({ type: "event" });
    const event = copy.items[0].payload as unknown as SentryEventPayload;
    expect(event).toMatchObject({ level: "error", environment: "production", release: "3.1.0", user: { id: "u-1" }, tags: { route: "/pay" } });
    expect(event.exception.values[0]).toMatchObject({ type: "PaymentDeclined", value: "card declined for order 17" });
    expect(event.exception.values[0].stacktrace.frames.at(-1)).toMatchObject({ function: "charge", lineno: 31 });

    const log = await waitFor(async () => {
      const rows = await deliveries(t, admin);
      return rows.some((d) => d.status === "delivered") ? rows : undefined;
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ ruleId: rule.id, eventId: "fwd-match-1", type: "PaymentDeclined", status: "delivered", attempts: 1 });

    // The Sentry envelope endpoint is a door too.
    const sentryEventId = newEventId();
    const body = envelope({ event_id: sentryEventId }, [{ type: "event", payload: errorEvent(sentryEventId, { environment: "production" }) }]);
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(body) });
    expect(res.status).toBe(200);
    const [second] = (await sentry.waitFor(before + 2)).slice(before + 1);
    expect(second.header.event_id).toBe(sentryEventId);
    expect((second.items[0].payload as unknown as SentryEventPayload).exception.values[0].type).toBe("TypeError");
    expect(sentry.envelopes.length).toBe(before + 2);
  });
});

describe("forwarding to HTTP endpoints", () => {
  it("signs webhook copies (HMAC-SHA256 over timestamp.body) and retries a 503 with backoff, visible in the log", async () => {
    const t = await createTenant("fwd-hook");
    const admin = await login(t.admin);
    const path = `/hook-${t.projectId.slice(-8)}`;
    receiver.respondWith((p, nth) => (p === path && nth === 0 ? 503 : 200));
    const rule = await addRule(t, admin, { name: "Ops endpoint", kind: "webhook", categories: ["database"], config: { url: `${receiver.url}${path}`, headers: { "X-Team": "ops on-call" } } });
    expect(rule.signingSecret).toMatch(/^whsec_/);
    expect(JSON.stringify(rule.config)).not.toContain(rule.signingSecret!);
    // The header value has spaces, which base64url never holds: its absence from the row cannot be luck.
    await expectSealed(rule.id, [rule.signingSecret!, path, "ops on-call"]);

    expect((await postEvents(t.key, [
      { eventId: "hook-db-1", type: "QueryTimeout", message: "orders query timed out", category: "database", severity: "high" },
      { eventId: "hook-ui-1", type: "RenderError", message: "widget failed", category: "frontend" },
    ])).status).toBe(202);

    const attempts = await receiver.waitFor((r) => r.path === path, 2, 30_000);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1_500);
    for (const r of attempts) {
      const raw = r.raw;
      const [, ts, v1] = String(r.headers["x-faultline-signature"]).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
      expect(v1).toBe(createHmac("sha256", rule.signingSecret!).update(`${ts}.${raw}`).digest("hex"));
      expect(r.headers["x-team"]).toBe("ops on-call");
      expect(r.headers["x-faultline-event"]).toBe("hook-db-1");
      expect(r.body).toMatchObject({ type: "event.forwarded", rule: { id: rule.id }, event: { eventId: "hook-db-1", type: "QueryTimeout", category: "database" } });
    }
    expect(attempts[0].headers["x-faultline-delivery"]).toBe(attempts[1].headers["x-faultline-delivery"]);

    const log = await waitFor(async () => {
      const rows = await deliveries(t, await login(t.viewer));
      return rows[0]?.status === "delivered" ? rows : undefined;
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventId: "hook-db-1", status: "delivered", attempts: 2, responseStatus: 200, lastError: null });
  });

  it("sends Datadog-style log entries with the API key header", async () => {
    const t = await createTenant("fwd-dd");
    const admin = await login(t.admin);
    const path = `/api/v2/logs-${t.projectId.slice(-8)}`;
    receiver.respondWith(() => 202);
    const rule = await addRule(t, admin, { name: "Datadog", kind: "datadog", config: { url: `${receiver.url}${path}`, apiKey: "dd-api-key-0123456789", service: "shop", tags: "team:payments" } });
    await expectSealed(rule.id, ["dd-api-key-0123456789"]);
    expect((await postEvents(t.key, { eventId: "dd-1", type: "OutOfStock", message: "sku-9 sold out", severity: "medium", environment: "production" })).status).toBe(202);
    const [req] = await receiver.waitFor((r) => r.path === path);
    expect(req.headers["dd-api-key"]).toBe("dd-api-key-0123456789");
    expect(req.body).toEqual([
      expect.objectContaining({ service: "shop", status: "warn", ddsource: "faultline", message: "OutOfStock: sku-9 sold out", error: expect.objectContaining({ kind: "OutOfStock" }) }),
    ]);
    expect((req.body as { ddtags: string }[])[0].ddtags).toContain("team:payments");
  });

  it("never makes ingest wait for a target: the event is answered while the target still holds the copy", async () => {
    const t = await createTenant("fwd-slow");
    const admin = await login(t.admin);
    const held: http.ServerResponse[] = [];
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    const slow = http.createServer((req, res) => {
      req.resume();
      held.push(res);
      received();
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    try {
      await addRule(t, admin, { name: "Slow target", kind: "webhook", config: { url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow` } });
      const res = await postEvents(t.key, { eventId: "slow-1", type: "SlowTargetError", message: "m" });
      expect(res.status).toBe(202);
      await arrived;
      // The copy reached the target after ingest answered, and the target has not answered yet.
      expect(held.every((r) => !r.headersSent)).toBe(true);
      const pending = await deliveries(t, admin);
      expect(pending[0]).toMatchObject({ eventId: "slow-1", status: "pending" });
    } finally {
      held.forEach((r) => r.destroy());
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it("a disabled rule forwards nothing", async () => {
    const t = await createTenant("fwd-off");
    const admin = await login(t.admin);
    const path = `/off-${t.projectId.slice(-8)}`;
    await addRule(t, admin, { name: "Off", kind: "webhook", enabled: false, config: { url: `${receiver.url}${path}` } });
    const on = await addRule(t, admin, { name: "On", kind: "webhook", config: { url: `${receiver.url}${path}-on` } });
    expect((await postEvents(t.key, { eventId: "off-1", type: "Whatever", message: "m" })).status).toBe(202);
    await receiver.waitFor((r) => r.path === `${path}-on`);
    const log = await deliveries(t, admin);
    expect(log.map((d) => d.ruleId)).toEqual([on.id]);
    expect(receiver.requests.filter((r) => r.path === path)).toEqual([]);
  });
});

describe("forwarding rule secrets at rest", () => {
  it("reads legacy plaintext rows, forwards with them, and seals them in the re-seal pass (start-up, secrets:rotate)", async () => {
    const t = await createTenant("fwd-legacy");
    const admin = await login(t.admin);
    const path = `/legacy-${t.projectId.slice(-8)}`;
    receiver.respondWith(() => 200);
    // A rule as written before encryption: the secrets column holds the plain object.
    const id = uuidv7();
    const legacySecret = "whsec_legacy-plain-signing-secret";
    await query(
      `INSERT INTO "ForwardingRule" (id, "workspaceId", "projectId", name, kind, config, secrets)
       VALUES ($1, $2, $3, 'Legacy hook', 'webhook'::"ForwardingKind", '{}', $4::jsonb)`,
      [id, t.workspaceId, t.projectId, JSON.stringify({ url: `${receiver.url}${path}`, secret: legacySecret })],
    );
    const listed = await api("GET", rulesPath(t), admin);
    const legacy = listed.body.items.find((r: { id: string }) => r.id === id);
    expect(legacy).toMatchObject({ secretsUnreadable: false, config: { secret: expect.stringContaining("••••") } });
    expect(JSON.stringify(legacy)).not.toContain(legacySecret);

    expect((await postEvents(t.key, { eventId: "legacy-1", type: "LegacyError", message: "m" })).status).toBe(202);
    const [first] = await receiver.waitFor((r) => r.path === path);
    const [, ts, v1] = String(first.headers["x-faultline-signature"]).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
    expect(v1).toBe(createHmac("sha256", legacySecret).update(`${ts}.${first.raw}`).digest("hex"));

    // The re-seal pass (what start-up and `npm run secrets:rotate` run) seals it in place.
    const run = await resealForwardingSecrets();
    expect(run.resealed).toBeGreaterThanOrEqual(1);
    await expectSealed(id, [legacySecret, path]);
    expect(await resealForwardingSecrets()).toMatchObject({ resealed: 0 });

    // Sealed, it still forwards with the same secret.
    expect((await postEvents(t.key, { eventId: "legacy-2", type: "LegacyError2", message: "m" })).status).toBe(202);
    const [second] = await receiver.waitFor((r) => r.path === path && r.headers["x-faultline-event"] === "legacy-2");
    const [, ts2, v2] = String(second.headers["x-faultline-signature"]).match(/^t=(\d+),v1=([0-9a-f]{64})$/)!;
    expect(v2).toBe(createHmac("sha256", legacySecret).update(`${ts2}.${second.raw}`).digest("hex"));
  });

  it("`npm run secrets:rotate` seals forwarding rules too and reports them", async () => {
    const t = await createTenant("fwd-rotate");
    const id = uuidv7();
    await query(
      `INSERT INTO "ForwardingRule" (id, "workspaceId", "projectId", name, kind, enabled, config, secrets)
       VALUES ($1, $2, $3, 'Legacy Datadog', 'datadog'::"ForwardingKind", false, '{"url": "https://logs.example.com/v2"}', '{"apiKey": "dd-legacy-plain-key"}')`,
      [id, t.workspaceId, t.projectId],
    );
    const root = path.resolve(import.meta.dirname, "../..");
    // Exit 1 would only mean some other row opens with no key (other files may plant such rows).
    const { stdout } = await promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/rotateSecrets.ts"], { cwd: root, env: process.env }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
    );
    expect(stdout).toMatch(/re-sealed \d+ \(channels \d+, forwarding rules \d+, uptime monitors \d+, two-factor \d+, ingest keys \d+\); unreadable \d+ \(channels \d+, forwarding rules \d+, uptime monitors \d+, two-factor \d+, ingest keys \d+\)/);
    const row = await expectSealed(id, ["dd-legacy-plain-key"]);
    expect(row.config).toEqual({ url: "https://logs.example.com/v2" });
    const listed = await api("GET", rulesPath(t), await login(t.admin));
    expect(listed.body.items[0]).toMatchObject({ id, secretsUnreadable: false, config: { url: "https://logs.example.com/v2", apiKey: "••••-key" } });
  });

  it("a sealed value copied to another rule does not open there: shown as unreadable, not forwarded, re-entered by PATCH", async () => {
    const t = await createTenant("fwd-copied");
    const admin = await login(t.admin);
    const path = `/copied-${t.projectId.slice(-8)}`;
    receiver.respondWith(() => 200);
    const source = await addRule(t, admin, { name: "Source", kind: "webhook", enabled: false, config: { url: `${receiver.url}${path}-source` } });
    const target = await addRule(t, admin, { name: "Target", kind: "webhook", config: { url: `${receiver.url}${path}` } });
    await query(`UPDATE "ForwardingRule" SET secrets = (SELECT secrets FROM "ForwardingRule" WHERE id = $1) WHERE id = $2`, [source.id, target.id]);

    const listed = await api("GET", rulesPath(t), admin);
    expect(listed.body.items.find((r: { id: string }) => r.id === target.id)).toMatchObject({ secretsUnreadable: true });
    expect((await postEvents(t.key, { eventId: "copied-1", type: "CopiedError", message: "m" })).status).toBe(202);
    const failed = await waitFor(async () => {
      const rows = await deliveries(t, admin);
      return rows.find((d) => d.ruleId === target.id && d.status === "failed");
    });
    expect(failed.lastError).toMatch(/failed authentication/);
    expect(receiver.requests.filter((r) => r.path === path || r.path === `${path}-source`)).toEqual([]);

    // The admin enters the secrets again: sealed for this rule, readable once more.
    const fixed = await api("PATCH", `/api/v1/forwarding-rules/${target.id}`, admin, { config: { url: `${receiver.url}${path}` } });
    expect(fixed.status).toBe(200);
    expect(fixed.body.secretsUnreadable).toBe(false);
    await expectSealed(target.id, [path]);
  });
});

describe("the forwarding log", () => {
  it("keeps copies for the retention period and prunes older ones, pending ones too unless one is being sent", async () => {
    const t = await createTenant("fwd-prune");
    const admin = await login(t.admin);
    const rule = await addRule(t, admin, { name: "Hook", kind: "webhook", enabled: false, config: { url: `${receiver.url}/prune` } });
    const now = Date.now();
    const rows = [
      { id: uuidv7(now - 20 * 86_400_000), status: "delivered", leased: false },
      { id: uuidv7(now - 20 * 86_400_000), status: "pending", leased: false },
      { id: uuidv7(now - 2 * 86_400_000), status: "failed", leased: false },
      { id: uuidv7(now - 20 * 86_400_000), status: "pending", leased: true },
    ];
    // Not due for a day: the app's own forwarding job leaves the pending ones alone meanwhile.
    for (const [i, row] of rows.entries()) {
      await query(
        `INSERT INTO "ForwardingDelivery" (id, "workspaceId", "projectId", "ruleId", "eventId", "groupId", payload, status, "nextAttemptAt", "updatedAt", "lockedUntil")
         VALUES ($1, $2, $3, $4, $5, $6, '{}', $7::"DeliveryStatus", now() + interval '1 day', now(), CASE WHEN $8 THEN now() + interval '1 hour' END)`,
        [row.id, t.workspaceId, t.projectId, rule.id, `prune-${i}`, uuidv7(), row.status, row.leased],
      );
    }
    // The app's forwarding job prunes every turn too: whichever runs first, the outcome is the same.
    await pruneForwardingLog({ now: new Date(now), retentionDays: 14 });
    const left = await query<{ eventId: string }>(`SELECT "eventId" FROM "ForwardingDelivery" WHERE "ruleId" = $1 ORDER BY "eventId"`, [rule.id]);
    // The old copies are gone, the stuck pending one too (it would keep its event's data forever);
    // a recent one stays, and so does one an instance is sending right now.
    expect(left.map((r) => r.eventId)).toEqual(["prune-2", "prune-3"]);
  });
});
