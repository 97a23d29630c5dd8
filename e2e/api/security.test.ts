import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/support/webhookReceiver";
import { verifySignature } from "@/lib/alerts/notify/signWebhook";
import { deleteExpiredSessions } from "@/lib/auth/deleteExpiredSessions";
import { sha256Hex } from "@/lib/auth/tokens";

/**
 * Security over real HTTP: response headers (CSP with a per-request nonce, framing, nosniff,
 * referrer policy), CORS only on the ingest endpoints, CSRF checks on cookie-authenticated
 * mutations, session handling (malformed cookies, rotation at login, expired-session cleanup),
 * channel secrets encrypted at rest, signed webhooks and the test-notification action.
 */
let receiver: WebhookReceiver;
let t: Tenant;
let admin: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTenant("sec");
  admin = await login(t.admin);
});
afterAll(async () => {
  await receiver.close();
});

describe("response headers", () => {
  it("pages carry a CSP with a fresh nonce on every script, no framing, nosniff and a referrer policy", async () => {
    const pages = await Promise.all([fetch(`${BASE_URL}/login`), fetch(`${BASE_URL}/login`)]);
    const nonces: string[] = [];
    for (const res of pages) {
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("'unsafe-inline' 'nonce"); // scripts: nonce, never unsafe-inline
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("API answers carry nosniff and a request id (the caller's when it sends a sane one)", async () => {
    const res = await fetch(`${BASE_URL}/api/v1/me`, { headers: { "x-request-id": "trace-abc.123" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toBe("trace-abc.123");
    const generated = await fetch(`${BASE_URL}/api/v1/me`, { headers: { "x-request-id": "bad id\twith spaces" } });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("API answers are never kept by a cache: private, no-store unless a route chooses otherwise", async () => {
    const t = await createTenant("sec-cache");
    const cookie = await login(t.admin);
    for (const path of ["/api/v1/me", "/api/v1/account/sessions", `/api/v1/workspaces/${t.workspaceId}/members`, `/api/v1/errors?workspaceId=${t.workspaceId}`]) {
      const res = await fetch(`${BASE_URL}${path}`, { headers: { cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    }
    expect((await fetch(`${BASE_URL}/api/v1/me`)).headers.get("cache-control")).toBe("private, no-store"); // errors too
    const token = await fetch(`${BASE_URL}/api/v1/account/tokens`, { method: "POST", headers: { cookie, "content-type": "application/json", origin: BASE_URL }, body: JSON.stringify({ name: "cache check", scope: "read" }) });
    expect(token.status).toBe(201);
    expect(token.headers.get("cache-control")).toBe("private, no-store");
    expect((await fetch(`${BASE_URL}/api/openapi.json`)).headers.get("cache-control")).toBe("public, max-age=300"); // a route's own choice stands
  });

  it("ingest answers (served by the fast path) carry nosniff and a request id too", async () => {
    const native = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-ingest.1" },
      body: JSON.stringify({ type: "NoKey", message: "refused" }),
    });
    expect(native.status).toBe(401);
    expect(native.headers.get("x-request-id")).toBe("trace-ingest.1");
    expect(native.headers.get("x-content-type-options")).toBe("nosniff");
    const envelope = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=0000&sentry_version=7`, {
      method: "POST",
      headers: { "x-request-id": "bad id\twith spaces" },
      body: "{}\n",
    });
    expect(envelope.status).toBeGreaterThanOrEqual(400);
    expect(envelope.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(envelope.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("CORS only on the ingest endpoints", async () => {
    const origin = "https://shop.example";
    for (const path of ["/api/v1/errors", "/api/v1/me", `/api/v1/workspaces/${t.workspaceId}/error-tracking`]) {
      const get = await fetch(`${BASE_URL}${path}`, { headers: { origin, cookie: admin } });
      expect(get.headers.get("access-control-allow-origin"), path).toBeNull();
      const preflight = await fetch(`${BASE_URL}${path}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "PATCH" } });
      expect(preflight.headers.get("access-control-allow-origin"), path).toBeNull();
    }
    const sentry = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect(sentry.headers.get("access-control-allow-origin")).toBeTruthy();
  });
});

describe("anonymous answers", () => {
  it("GET /api/health says what load balancers and monitoring need, and no path of the host", async () => {
    const res = await fetch(`${BASE_URL}/api/health`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body).toEqual({
      status: "ok",
      database: true,
      spool: { spooling: false, since: null, bytes: expect.any(Number), maxBytes: expect.any(Number) },
    });
    // The spool's directory (…/.faultline/spool) was in it: no path at all now.
    expect(text).not.toMatch(/"dir"|\/\.faultline|\/spool/);
  });
});

describe("CSRF on cookie-authenticated mutations", () => {
  it("refuses a cross-site PATCH and changes nothing; the same-origin one goes through", async () => {
    const { accepted } = await (await postEvents(t.key, { type: "CsrfTarget", message: "x" })).json();
    const id = accepted[0].groupId;
    const patch = (headers: Record<string, string>) =>
      fetch(`${BASE_URL}/api/v1/errors/${id}`, { method: "PATCH", headers: { "content-type": "application/json", cookie: admin, ...headers }, body: JSON.stringify({ status: "ignored" }) });
    const status = async () => (await query<{ status: string }>(`SELECT status FROM "ErrorGroup" WHERE id = $1`, [id]))[0].status;

    const crossSite: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of crossSite) {
      const res = await patch(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("cross_site_request");
      expect(await status()).toBe("new");
    }
    const same = await patch({ "sec-fetch-site": "same-origin", origin: BASE_URL });
    expect(same.status).toBe(200);
    expect(await status()).toBe("ignored");
  });

  it("exempts ingest: a browser page on another site posts events", async () => {
    const res = await postEvents(t.key, { type: "CrossSiteIngest" }, { origin: "https://shop.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(202);
  });
});

describe("sessions", () => {
  it("answers malformed cookies with 401 on the API and a sign-in redirect on pages", async () => {
    for (const cookie of ["faultline_session=%", "faultline_session=%E0%A4%A", "faultline_session=\u00e9t\u00e9", `faultline_session=${"x".repeat(4096)}`]) {
      expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { cookie } })).status, cookie).toBe(401);
      const page = await fetch(`${BASE_URL}/`, { headers: { cookie }, redirect: "manual" });
      expect([302, 303, 307, 308], cookie).toContain(page.status);
      expect(page.headers.get("location")).toContain("/login");
    }
  });

  it("rotates the session id at login: the cookie sent with the login stops working", async () => {
    const first = await login(t.member);
    const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: first },
      body: JSON.stringify({ email: t.member.email, password: t.member.password }),
    });
    expect(res.status).toBe(200);
    const second = res.headers.get("set-cookie")!.split(";")[0];
    expect(second).not.toBe(first);
    expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { cookie: first } })).status).toBe(401);
    expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { cookie: second } })).status).toBe(200);
  });

  it("deletes expired sessions (the cleanup job) and keeps live ones", async () => {
    const live = await login(t.viewer);
    const liveId = sha256Hex(decodeURIComponent(live.split("=")[1]));
    const expiredIds = [1, 2, 3].map((i) => sha256Hex(`expired-${t.viewer.id}-${i}`));
    for (const id of expiredIds) {
      await query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() - interval '1 hour')`, [id, t.viewer.id]);
    }
    expect(await deleteExpiredSessions(new Date())).toBeGreaterThanOrEqual(3);
    const left = await query<{ id: string }>(`SELECT id FROM "Session" WHERE "userId" = $1`, [t.viewer.id]);
    expect(left.map((r) => r.id)).toEqual([liveId]);
  });
});

describe("channel secrets and webhooks", () => {
  it("stores secrets encrypted, returns a webhook's signing secret once, and signs every request", async () => {
    const url = `${receiver.url}/sec-${t.workspaceId.slice(-8)}/hook?token=url-secret-token`;
    const created = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, {
      name: "Signed hook",
      kind: "webhook",
      severities: ["critical"],
      config: { url, headers: { "X-Api-Key": "header-secret-value" } },
    });
    expect(created.status).toBe(201);
    const signingSecret: string = created.body.signingSecret;
    expect(signingSecret).toMatch(/^whsec_/);

    // At rest: one sealed string, none of the secrets readable in the row.
    const [row] = await query<{ secrets: Record<string, unknown>; config: Record<string, unknown> }>(`SELECT secrets, config FROM "NotificationChannel" WHERE id = $1`, [created.body.id]);
    expect(Object.keys(row.secrets)).toEqual(["sealed"]);
    expect(row.secrets.sealed).toMatch(/^v1:[0-9a-f]{8}:/);
    const stored = JSON.stringify(row);
    for (const secret of ["url-secret-token", "header-secret-value", signingSecret, "127.0.0.1"]) expect(stored).not.toContain(secret);

    // Later reads mask it.
    const list = await api("GET", `/api/v1/workspaces/${t.workspaceId}/channels`, admin);
    expect(JSON.stringify(list.body)).not.toContain(signingSecret);

    // "Send test notification": delivered now, marked as a test, signed.
    const tested = await api("POST", `/api/v1/channels/${created.body.id}/test`, admin);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: true, status: 200, error: null });
    const [test] = await receiver.waitFor((r) => r.path.startsWith(`/sec-${t.workspaceId.slice(-8)}/hook`) && r.headers["x-faultline-test"] === "1");
    expect((test.body as { event: string }).event).toBe("test");
    expect(test.headers["x-api-key"]).toBe("header-secret-value");
    expect(verifySignature(signingSecret, String(test.headers["x-faultline-signature"]), test.raw, new Date())).toBe(true);
    expect(verifySignature(signingSecret, String(test.headers["x-faultline-signature"]), test.raw + " ", new Date())).toBe(false);

    // A real alert (critical error → built-in rule) is signed the same way.
    await postEvents(t.key, { type: "SignedCritical", message: "db down", severity: "critical" });
    const [alert] = await receiver.waitFor((r) => r.path.startsWith(`/sec-${t.workspaceId.slice(-8)}/hook`) && (r.body as { event: string }).event === "alert.triggered", 1, 30_000);
    expect(verifySignature(signingSecret, String(alert.headers["x-faultline-signature"]), alert.raw, new Date())).toBe(true);
    expect(alert.headers["x-faultline-timestamp"]).toMatch(/^\d{10}$/);
  });

  it("reports a failing test notification with the receiver's answer, and only admins may send one", async () => {
    receiver.respondWith((path) => (path.includes("/refuses") ? 410 : 200));
    const created = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { name: "Gone", kind: "slack", config: { url: `${receiver.url}/sec-${t.workspaceId.slice(-8)}/refuses` } });
    const tested = await api("POST", `/api/v1/channels/${created.body.id}/test`, admin);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ ok: false, status: 410, error: "HTTP 410" });
    expect((await api("POST", `/api/v1/channels/${created.body.id}/test`, await login(t.member))).status).toBe(403);
    const audit = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 ORDER BY at`, [created.body.id]);
    expect(audit.map((a) => a.action)).toContain("notification_channel.tested");
  });
});

describe("a project's additional sensitive fields", () => {
  it("hide values under those keys at both ingest doors, from the next event on; only admins set them", async () => {
    const p = await createTenant("sensitive");
    const cookie = await login(p.admin);
    expect((await api("PATCH", `/api/v1/projects/${p.projectId}`, await login(p.member), { sensitiveFields: ["iban"] })).status).toBe(403);
    const bad = await api("PATCH", `/api/v1/projects/${p.projectId}`, cookie, { sensitiveFields: ["a b"] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("sensitiveFields");
    const saved = await api("PATCH", `/api/v1/projects/${p.projectId}`, cookie, { sensitiveFields: ["iban", "x-tenant-secret", "iban"] });
    expect(saved.status).toBe(200);
    expect((saved.body as { sensitiveFields: string[] }).sensitiveFields).toEqual(["iban", "x-tenant-secret"]);

    const native = await postEvents(p.key, {
      eventId: "sensitive-native",
      type: "PayoutError",
      message: "payout refused for iban=DE89370400440532013000",
      tags: { customer_iban: "DE89370400440532013000" },
      context: { request: { headers: { "X-Tenant-Secret": "tenant-s3cret" } } },
    });
    expect(native.status).toBe(202);
    const event = {
      event_id: "5e0517e5e0517e5e0517e5e0517e5e05",
      platform: "python",
      level: "error",
      exception: { values: [{ type: "PayoutError", value: "bank refused IBAN: GB33BUKB20201555555555", stacktrace: { frames: [{ function: "pay", filename: "pay.py", lineno: 3, in_app: true, vars: { iban: "GB33BUKB20201555555555", amount: 12 } }] } }] },
      request: { url: "https://shop.test/pay", headers: { "X-Tenant-Secret": "tenant-s3cret" } },
    };
    const envelope = `${JSON.stringify({ event_id: event.event_id })}\n${JSON.stringify({ type: "event" })}\n${JSON.stringify(event)}\n`;
    const sentry = await fetch(`${BASE_URL}/api/${p.projectPublicId}/envelope/?sentry_key=${p.key}&sentry_version=7`, { method: "POST", body: envelope });
    expect(sentry.status).toBe(200);

    const rows = await query<{ eventId: string; stored: string }>(
      `SELECT "eventId", row_to_json(o)::text AS stored FROM "ErrorOccurrence" o WHERE "projectId" = $1 ORDER BY "eventId"`,
      [p.projectId],
    );
    expect(rows.map((r) => r.eventId)).toEqual(["5e0517e5e0517e5e0517e5e0517e5e05", "sensitive-native"]);
    for (const row of rows) {
      expect(row.stored).not.toMatch(/DE89370400440532013000|GB33BUKB20201555555555|tenant-s3cret/);
      expect(row.stored).toContain("[Filtered]");
    }
    expect(rows[1].stored).toContain("payout refused for iban=[Filtered]");
  });
});
