import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { stopUptimeMonitors } from "@/e2e/support/stopUptimeMonitors";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { MonitorList, MonitorListItem } from "@/lib/crons/listMonitors";

/**
 * Uptime monitors over real HTTP: an admin creates one for a local server whose answer the test
 * switches; "check now" and the uptime-checks job request it; a failing check raises the monitor's
 * issue with what the server answered, a good one resolves it.
 */
let server: http.Server;
let serverUrl: string;
let answer = 200;
/** What the server received at /graphql: method, content type and body. */
const received: { method: string; contentType: string | undefined; body: string }[] = [];
let t: Tenant;
let admin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/hang") return; // never answers: the check's timeout decides
    if (req.url === "/graphql") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push({ method: req.method ?? "", contentType: req.headers["content-type"], body });
        res.writeHead(req.method === "POST" && body.includes("health") ? 200 : 400, { "content-type": "application/json" }).end(req.method === "HEAD" ? undefined : '{"data":{"health":"ok"}}');
      });
      return;
    }
    if (req.url === "/private") return void res.writeHead(req.headers.authorization === "Bearer s3cret-token" ? 200 : 401).end();
    if (req.url === "/page") return void res.writeHead(200, { "content-type": "text/html" }).end(`<html>${" ".repeat(50_000)}<h1>Welcome to the shop</h1></html>`);
    res.writeHead(answer, { "content-type": "text/plain" });
    res.end(answer === 200 ? "ok" : "down for maintenance");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await createTenant("uptime");
  admin = await login(t.admin);
});
afterAll(async () => {
  await stopUptimeMonitors(t.workspaceId);
  server.closeAllConnections();
  server.close();
});

async function monitorOf(id: string): Promise<MonitorListItem> {
  const res = await api("GET", `/api/v1/workspaces/${t.workspaceId}/monitors`, admin);
  return (res.body as MonitorList).items.find((m) => m.id === id)!;
}

const create = (body: Record<string, unknown>, cookie = admin) => api("POST", `/api/v1/workspaces/${t.workspaceId}/monitors`, cookie, { projectId: t.projectId, ...body });
const checkNow = async (id: string) => {
  const res = await api("POST", `/api/v1/monitors/${id}/check`, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { ok: boolean; detail: string; durationMs: number };
};

describe("uptime monitors", () => {
  it("check a URL: down raises the monitor's issue with what it answered, up resolves it", async () => {
    answer = 200;
    const res = await create({ slug: "Shop-Home", url: `${serverUrl}/health`, intervalMinutes: 60 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const monitor = res.body as MonitorListItem;
    expect(monitor).toMatchObject({ slug: "shop-home", environment: "production", url: `${serverUrl}/health`, scheduleConfig: { type: "interval", value: 60, unit: "minute" } });

    expect(await checkNow(monitor.id)).toMatchObject({ ok: true, detail: "HTTP 200 OK" });
    expect(await monitorOf(monitor.id)).toMatchObject({ status: "ok", lastCheckInStatus: "ok" });

    answer = 503;
    expect(await checkNow(monitor.id)).toMatchObject({ ok: false, detail: "HTTP 503 Service Unavailable" });
    const failing = await monitorOf(monitor.id);
    expect(failing.status).toBe("failing");
    expect(failing.recent.at(-1)).toMatchObject({ status: "error", detail: "HTTP 503 Service Unavailable" });
    const [issue] = await query<{ id: string; message: string; category: string; status: string }>(
      `SELECT id, message, category, status::text FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'CronMonitorFailure'`,
      [t.projectId],
    );
    expect(issue.message).toBe(`Uptime monitor shop-home (production) is down: HTTP 503 Service Unavailable (${serverUrl}/health)`);
    expect(issue.category).toBe("uptime");
    expect(failing.issueId).toBe(issue.id);

    answer = 200;
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true });
    expect((await monitorOf(monitor.id)).status).toBe("ok");
    const [after] = await query<{ status: string }>(`SELECT status::text FROM "ErrorGroup" WHERE id = $1`, [issue.id]);
    expect(after.status).toBe("resolved");
  });

  it("counts a refused connection as down, and the job checks a new monitor by itself", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = (await create({ slug: "refused", url: closedUrl, intervalMinutes: 60 })).body as MonitorListItem;
    expect(await checkNow(refused.id)).toMatchObject({ ok: false, detail: "connection refused (ECONNREFUSED)" });

    answer = 200;
    const byJob = (await create({ slug: "by-the-job", url: `${serverUrl}/`, intervalMinutes: 5 })).body as MonitorListItem;
    const checked = await waitFor(async () => {
      const m = await monitorOf(byJob.id);
      return m.lastCheckInStatus === "ok" ? m : undefined;
    }, 60_000);
    expect(checked.recent).toHaveLength(1);
    expect(Date.parse(checked.nextExpectedAt!) - Date.parse(checked.lastCheckInAt!)).toBeGreaterThan(4 * 60_000);
  });

  it("refuses a taken slug (409), a bad URL (422 naming it), members (403), and checking a cron monitor (400)", async () => {
    expect((await create({ slug: "dup", url: `${serverUrl}/` })).status).toBe(201);
    const dup = await create({ slug: "dup", url: `${serverUrl}/` });
    expect(dup.status).toBe(409);
    const bad = await create({ slug: "bad", url: "ftp://example.com/" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("url");
    expect((await create({ slug: "mine", url: `${serverUrl}/` }, await login(t.member))).status).toBe(403);
    const [cron] = await query<{ id: string }>(
      `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment) VALUES (gen_random_uuid(), $1, $2, 'nightly', 'production') RETURNING id`,
      [t.workspaceId, t.projectId],
    );
    expect((await api("POST", `/api/v1/monitors/${cron.id}/check`, admin)).status).toBe(400);
    expect((await api("PATCH", `/api/v1/monitors/${cron.id}`, admin, { url: `${serverUrl}/` })).status).toBe(422);
  });

  it("changes its URL (admins; checked at once, a password masked in the audit log), and keeps a schedule", async () => {
    const monitor = (await create({ slug: "moving", url: `${serverUrl}/old`, intervalMinutes: 60 })).body as MonitorListItem;
    expect((await api("PATCH", `/api/v1/monitors/${monitor.id}`, await login(t.member), { url: `${serverUrl}/new` })).status).toBe(403);
    const moved = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { url: `http://ops:hunter2@127.0.0.1:${new URL(serverUrl).port}/new` });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ url: `http://••••@127.0.0.1:${new URL(serverUrl).port}/new` });
    expect(Date.parse((moved.body as MonitorListItem).nextExpectedAt!)).toBeLessThanOrEqual(Date.now());
    const [audit] = await query<{ after: string }>(`SELECT after::text FROM "AuditLog" WHERE "targetId" = $1 AND action = 'monitor.updated'`, [monitor.id]);
    expect(audit.after).toContain("••••@");
    expect(audit.after).not.toContain("hunter2");
    const unscheduled = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { schedule: null });
    expect(unscheduled.status).toBe(422);
    expect(JSON.stringify(unscheduled.body)).toContain("schedule");
  });

  it("judges a check by the monitor's expected statuses, keyword and timeout; members change the statuses and timeout, admins the keyword", async () => {
    answer = 401;
    const res = await create({ slug: "private-api", url: `${serverUrl}/api`, intervalMinutes: 60, check: { expectedStatus: "200, 401" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const monitor = res.body as MonitorListItem;
    expect(monitor.uptimeCheck).toEqual({ method: "GET", expectedStatus: "200, 401", keywordAbsent: false, timeoutSeconds: 10, certificateExpiryDays: 14, ignoreTlsErrors: false });
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true, detail: "HTTP 401 Unauthorized" });
    answer = 403;
    expect(await checkNow(monitor.id)).toMatchObject({ ok: false, detail: "HTTP 403 Forbidden (expected 200, 401)" });

    const page = (await create({ slug: "shop-page", url: `${serverUrl}/page`, intervalMinutes: 60, check: { keyword: "Welcome" } })).body as MonitorListItem;
    expect(await checkNow(page.id)).toMatchObject({ ok: true, detail: "HTTP 200 OK" });
    const member = await login(t.member);
    const byMember = await api("PATCH", `/api/v1/monitors/${page.id}`, member, { uptimeCheck: { keyword: "Welcome", keywordAbsent: true } });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.field).toBe("uptimeCheck.keywordAbsent");
    const statusByMember = await api("PATCH", `/api/v1/monitors/${page.id}`, member, { uptimeCheck: { keyword: "Welcome", expectedStatus: "200", timeoutSeconds: 5 } });
    expect(statusByMember.status, JSON.stringify(statusByMember.body)).toBe(200);
    const flipped = await api("PATCH", `/api/v1/monitors/${page.id}`, admin, { uptimeCheck: { keyword: "Welcome", keywordAbsent: true } });
    expect(flipped.status, JSON.stringify(flipped.body)).toBe(200);
    expect(await checkNow(page.id)).toMatchObject({ ok: false, detail: 'HTTP 200 OK, but the body contains "Welcome"' });
    const audits = await query<{ after: string }>(`SELECT after::text FROM "AuditLog" WHERE "targetId" = $1 AND action = 'monitor.updated' ORDER BY id`, [page.id]);
    expect(JSON.parse(audits.at(-1)!.after)).toMatchObject({ uptimeCheck: { keyword: "Welcome", keywordAbsent: true } });

    const hanging = (await create({ slug: "hanging", url: `${serverUrl}/hang`, intervalMinutes: 60, check: { timeoutSeconds: 1 } })).body as MonitorListItem;
    expect(await checkNow(hanging.id)).toMatchObject({ ok: false, detail: "timed out after 1000 ms" });

    const bad = await create({ slug: "bad-status", url: `${serverUrl}/`, check: { expectedStatus: "fine" } });
    expect(bad.status).toBe(422);
    expect((bad.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("check.expectedStatus");
    const [cron] = await query<{ id: string }>(
      `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment) VALUES (gen_random_uuid(), $1, $2, 'backup', 'production') RETURNING id`,
      [t.workspaceId, t.projectId],
    );
    expect((await api("PATCH", `/api/v1/monitors/${cron.id}`, admin, { uptimeCheck: { keyword: "x" } })).status).toBe(422);
  });

  it("sends the check's method and body (admins change them; members keep them while editing the rest)", async () => {
    const res = await create({ slug: "graphql", url: `${serverUrl}/graphql`, intervalMinutes: 60, check: { method: "POST", body: '{"query":"{ health }"}', keyword: '"ok"' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const monitor = res.body as MonitorListItem;
    expect(monitor.uptimeCheck).toMatchObject({ method: "POST", body: '{"query":"{ health }"}' });
    received.length = 0;
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true, detail: "HTTP 200 OK" });
    expect(received).toEqual([{ method: "POST", contentType: "application/json", body: '{"query":"{ health }"}' }]);

    const member = await login(t.member);
    const keepsRequest = await api("PATCH", `/api/v1/monitors/${monitor.id}`, member, { uptimeCheck: { method: "POST", body: '{"query":"{ health }"}', keyword: '"ok"', timeoutSeconds: 5 } });
    expect(keepsRequest.status, JSON.stringify(keepsRequest.body)).toBe(200);
    const toDelete = await api("PATCH", `/api/v1/monitors/${monitor.id}`, member, { uptimeCheck: { method: "DELETE", keyword: '"ok"', timeoutSeconds: 5 } });
    expect(toDelete.status).toBe(403);
    expect(toDelete.body.error.field).toBe("uptimeCheck.method");
    expect((await monitorOf(monitor.id)).uptimeCheck).toMatchObject({ method: "POST", timeoutSeconds: 5 });

    const head = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { uptimeCheck: { method: "HEAD", expectedStatus: "400" } });
    expect(head.status, JSON.stringify(head.body)).toBe(200);
    received.length = 0;
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true, detail: "HTTP 400 Bad Request" });
    expect(received).toEqual([{ method: "HEAD", contentType: undefined, body: "" }]);

    const issuePath = (body: unknown) => (body as { error: { issues: { path: string; message: string }[] } }).error.issues[0];
    const getWithBody = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { uptimeCheck: { method: "GET", body: "x" } });
    expect(getWithBody.status).toBe(422);
    expect(issuePath(getWithBody.body)).toMatchObject({ path: "uptimeCheck.body", message: "a GET request has no body: use POST, PUT, PATCH or DELETE" });
    const headKeyword = await create({ slug: "head-keyword", url: `${serverUrl}/page`, check: { method: "HEAD", keyword: "Welcome" } });
    expect(headKeyword.status).toBe(422);
    expect(issuePath(headKeyword.body)?.path).toBe("check.keyword");
  });

  it("sends the monitor's request headers, sealed at rest and shown masked; admins change them, a masked value keeps one", async () => {
    const res = await create({ slug: "private-health", url: `${serverUrl}/private`, intervalMinutes: 60, headers: { Authorization: "Bearer s3cret-token" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const monitor = res.body as MonitorListItem;
    expect(monitor.headers).toEqual({ Authorization: "••••" });
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true, detail: "HTTP 200 OK" });
    const [stored] = await query<{ secrets: string }>(`SELECT "uptimeSecrets"::text AS secrets FROM "CronMonitor" WHERE id = $1`, [monitor.id]);
    expect(stored.secrets).toMatch(/"sealed"/);
    expect(stored.secrets).not.toContain("s3cret");

    expect((await api("PATCH", `/api/v1/monitors/${monitor.id}`, await login(t.member), { headers: {} })).status).toBe(403);
    const kept = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { headers: { Authorization: "••••", "X-Env": "prod" } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect((kept.body as MonitorListItem).headers).toEqual({ Authorization: "••••", "X-Env": "••••" });
    expect(await checkNow(monitor.id)).toMatchObject({ ok: true });
    expect((await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { headers: { "X-Env": "••••" } })).status).toBe(200);
    expect(await checkNow(monitor.id)).toMatchObject({ ok: false, detail: "HTTP 401 Unauthorized" });

    const audits = await query<{ after: string }>(`SELECT after::text FROM "AuditLog" WHERE "targetId" = $1 ORDER BY id`, [monitor.id]);
    expect(audits.map((a) => a.after).join("\n")).not.toContain("s3cret");
    expect(JSON.parse(audits.at(-1)!.after)).toMatchObject({ headers: ["X-Env"] });
    const bad = await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { headers: { Host: "evil.example" } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("headers");
  });

  it("keeps a member from asking yes/no questions about a body behind an admin's headers: keyword and TLS leniency are admins' (403 naming the field)", async () => {
    const res = await create({ slug: "secret-page", url: `${serverUrl}/private`, intervalMinutes: 60, headers: { Authorization: "Bearer s3cret-token" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const monitor = res.body as MonitorListItem;
    const member = await login(t.member);
    const tries: [Record<string, unknown>, string][] = [
      [{ keyword: "s3cret" }, "uptimeCheck.keyword"],
      [{ keywordAbsent: true }, "uptimeCheck.keywordAbsent"],
      [{ ignoreTlsErrors: true }, "uptimeCheck.ignoreTlsErrors"],
    ];
    for (const [uptimeCheck, field] of tries) {
      const refused = await api("PATCH", `/api/v1/monitors/${monitor.id}`, member, { uptimeCheck });
      expect(refused.status, JSON.stringify(uptimeCheck)).toBe(403);
      expect(refused.body.error.field).toBe(field);
      expect(refused.body.error.message).toContain(field.split(".")[1]);
    }
    // Nothing changed, and what members may change they still do.
    expect((await monitorOf(monitor.id)).uptimeCheck).toEqual({ method: "GET", keywordAbsent: false, timeoutSeconds: 10, certificateExpiryDays: 14, ignoreTlsErrors: false });
    const timeout = await api("PATCH", `/api/v1/monitors/${monitor.id}`, member, { uptimeCheck: { timeoutSeconds: 3 } });
    expect(timeout.status, JSON.stringify(timeout.body)).toBe(200);
    expect((await api("PATCH", `/api/v1/monitors/${monitor.id}`, admin, { uptimeCheck: { timeoutSeconds: 3, keyword: "ok" } })).status).toBe(200);
  });

  it("checks a monitor by hand at most 5 times a minute, whoever asks (429 with Retry-After), counted apart per monitor", async () => {
    // Not due for an hour (the job would check a new monitor at once): every run here is a manual one.
    const notDue = async (slug: string) =>
      (
        await query<{ id: string }>(
          `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment, url, "scheduleType", "scheduleValue", "scheduleUnit", "nextExpectedAt")
           VALUES (gen_random_uuid(), $1, $2, $3, 'production', $4, 'interval', '60', 'minute', now() + interval '1 hour') RETURNING id`,
          [t.workspaceId, t.projectId, slug, `${serverUrl}/`],
        )
      )[0];
    const [busy, quiet] = [await notDue("busy"), await notDue("quiet")];
    answer = 200;
    const member = await login(t.member);
    for (let i = 0; i < 5; i++) expect((await api("POST", `/api/v1/monitors/${busy.id}/check`, i % 2 ? admin : member)).status).toBe(200);
    for (const cookie of [member, admin]) {
      const res = await fetch(`${BASE_URL}/api/v1/monitors/${busy.id}/check`, { method: "POST", headers: { cookie } });
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect((await res.json()).error).toMatchObject({ code: "too_many_checks", limit: "monitor", max: 5, retryAfter });
    }
    // The refused checks requested nothing and recorded no run; another monitor is checked as ever.
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "CronCheckIn" WHERE "monitorId" = $1`, [busy.id]);
    expect(n).toBe(5);
    expect(await checkNow(quiet.id)).toMatchObject({ ok: true });
  });
});
