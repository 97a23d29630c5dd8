import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/** The shared test app's log (scripts/test.mjs writes its stdout and stderr there). */
function appLogFile(): string {
  const file = process.env.FAULTLINE_TEST_APP_LOG;
  if (!file) throw new Error("FAULTLINE_TEST_APP_LOG is not set: run tests through `npm test` / scripts/test.mjs");
  return file;
}

async function auditActions(workspaceId: string): Promise<string[]> {
  const rows = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "workspaceId" = $1 ORDER BY at`, [workspaceId]);
  return rows.map((r) => r.action);
}

const tokenOf = (url: string) => url.split("/").pop()!;
const accept = (token: string, body: unknown, cookie: string | null = null) => api("POST", `/api/v1/invitations/${token}/accept`, cookie, body);

describe("workspaces and projects", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    t = await createTenant("adm-ws");
    [admin, member] = await Promise.all([login(t.admin), login(t.member)]);
  });

  it("any user creates a workspace and becomes its admin; only admins rename it", async () => {
    const created = await api("POST", "/api/v1/workspaces", member, { name: "Side project" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Side project", role: "admin" });
    const me = (await api("GET", "/api/v1/me", member)).body;
    expect(me.workspaces.map((w: { id: string }) => w.id)).toContain(created.body.id);

    expect((await api("PATCH", `/api/v1/workspaces/${t.workspaceId}`, member, { name: "Mine now" })).status).toBe(403);
    const renamed = await api("PATCH", `/api/v1/workspaces/${t.workspaceId}`, admin, { name: "Renamed workspace" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Renamed workspace");
    expect((await api("POST", "/api/v1/workspaces", member, { name: "" })).body.error.issues[0].path).toBe("name");
  });

  it("a new project answers its DSN and key once; the key ingests at once", async () => {
    const res = await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Mobile API", platform: "python" });
    expect(res.status).toBe(201);
    const project = res.body;
    expect(project.dsn).toBe(`${BASE_URL.replace("://", `://${project.ingestKey}@`)}/${project.publicId}`);
    expect((await postEvents(project.ingestKey, { type: "FirstError" })).status).toBe(202);
    const keys = (await api("GET", `/api/v1/projects/${project.id}/keys`, admin)).body.items;
    expect(JSON.stringify(keys)).not.toContain(project.ingestKey);
    // The settings page's "last used": written in the background after the key's first use.
    const used = await waitFor(async () => {
      const [key] = (await api("GET", `/api/v1/projects/${project.id}/keys`, admin)).body.items as { lastUsedAt: string | null }[];
      return key.lastUsedAt ?? undefined;
    }, 10_000);
    expect(Date.parse(used)).toBeGreaterThan(Date.now() - 5 * 60_000);
    const twice = await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Mobile API" });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "conflict", field: "name" });
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "X", platform: "cobol" })).body.error.issues[0].path).toBe("platform");
  });

  it("project slugs: unique in the workspace (`project` for names without Latin letters), kept on rename, changed only when sent", async () => {
    const ws = (await api("POST", "/api/v1/workspaces", admin, { name: "Slugs" })).body as { id: string; slug: string };
    const create = (name: string) => api("POST", `/api/v1/workspaces/${ws.id}/projects`, admin, { name });
    const slugs: string[] = [];
    for (const name of ["支付服务", "订单服务", "Заказы", "Checkout", "checkout!", "2024"]) {
      const res = await create(name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
      slugs.push(res.body.slug);
    }
    expect(slugs).toEqual(["project", "project-2", "project-3", "checkout", "checkout-2", "project-2024"]);

    // The same name again (any case) is a 409 naming the name; so is a rename to a name taken.
    for (const name of ["Checkout", "CHECKOUT", "支付服务"]) {
      const again = await create(name);
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: "conflict", field: "name" });
    }
    // Compared literally: `_` and `%` are no wildcards ("Check_ut" and "%" are other names).
    for (const name of ["Check_ut", "%"]) {
      const res = await create(name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    const projects = (await api("GET", "/api/v1/me", admin)).body.workspaces.find((w: { id: string }) => w.id === ws.id).projects as { id: string; name: string; slug: string }[];
    const checkout = projects.find((p) => p.name === "Checkout")!;
    const other = projects.find((p) => p.name === "checkout!")!;
    const taken = await api("PATCH", `/api/v1/projects/${checkout.id}`, admin, { name: "订单服务" });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "conflict", field: "name" });

    // A rename keeps the slug: sentry-cli's SENTRY_PROJECT and `project:<slug>` searches still find it.
    const key = (await api("POST", `/api/v1/projects/${checkout.id}/keys`, admin, { name: "slug test" })).body.key as string;
    expect((await postEvents(key, { type: "SlugKeptError" })).status).toBe(202);
    const renamed = await api("PATCH", `/api/v1/projects/${checkout.id}`, admin, { name: "Storefront" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Storefront", slug: "checkout" });
    expect((await api("GET", `/api/v1/projects/${checkout.id}`, admin)).body.slug).toBe("checkout");
    const assemble = (slug: string) => api("POST", `/api/0/projects/${ws.slug}/${slug}/files/difs/assemble/`, admin, {});
    expect(await assemble("checkout")).toEqual({ status: 200, body: {} });
    const found = await api("GET", `/api/v1/errors?workspaceId=${ws.id}&query=${encodeURIComponent("project:checkout")}`, admin);
    expect(found.body.items.map((i: { type: string }) => i.type)).toEqual(["SlugKeptError"]);

    // The slug changes when it is sent: unique (409 naming slug), in slug form (422 naming slug).
    const moved = await api("PATCH", `/api/v1/projects/${checkout.id}`, admin, { slug: "storefront" });
    expect(moved.body).toMatchObject({ name: "Storefront", slug: "storefront" });
    expect((await assemble("checkout")).status).toBe(404);
    expect((await assemble("storefront")).status).toBe(200);
    const clash = await api("PATCH", `/api/v1/projects/${other.id}`, admin, { slug: "storefront" });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: "conflict", field: "slug" });
    for (const slug of ["Store Front", "123", ""]) {
      const bad = await api("PATCH", `/api/v1/projects/${other.id}`, admin, { slug });
      expect(bad.status, slug).toBe(422);
      expect(bad.body.error.issues[0].path).toBe("slug");
    }
    // The freed slug is given to the next project of that name.
    expect((await create("Checkout")).body.slug).toBe("checkout");
  });

  it("PATCH a project: origins, rate limit, retention; the origin list is enforced on the Sentry endpoint", async () => {
    const res = await api("PATCH", `/api/v1/projects/${t.projectId}`, admin, {
      name: "Web shop",
      allowedOrigins: ["https://shop.example.com/"],
      rateLimitPerMinute: 600,
      retentionDays: 30,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Web shop", allowedOrigins: ["https://shop.example.com"], rateLimitPerMinute: 600, retentionDays: 30 });
    const bad = await api("PATCH", `/api/v1/projects/${t.projectId}`, admin, { allowedOrigins: ["not an origin"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe("allowedOrigins[0]");
    const fromElsewhere = await fetch(`${BASE_URL}/api/${t.projectPublicId}/store/?sentry_key=${t.key}&sentry_version=7`, {
      method: "POST",
      headers: { origin: "https://evil.example.com", "content-type": "application/json" },
      body: JSON.stringify({ message: "hello" }),
    });
    expect(fromElsewhere.status).toBe(403);
    expect((await api("PATCH", `/api/v1/projects/${t.projectId}`, member, { retentionDays: 1 })).status).toBe(403);
  });

  it("allowed origins take a domain with its subdomains (*.) and drop default ports, so what is saved can match; a pattern that never could is a 422", async () => {
    const project = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Wildcard origins" })).body;
    const res = await api("PATCH", `/api/v1/projects/${project.id}`, admin, { allowedOrigins: ["https://*.shop.test", "https://app.example.com:443"] });
    expect(res.status).toBe(200);
    expect(res.body.allowedOrigins).toEqual(["https://*.shop.test", "https://app.example.com"]);
    const send = (origin: string) =>
      fetch(`${BASE_URL}/api/${project.publicId}/store/?sentry_key=${project.ingestKey}&sentry_version=7`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: JSON.stringify({ message: "hello" }) });
    for (const origin of ["https://app.shop.test", "https://eu.app.shop.test", "https://app.example.com"]) {
      const ok = await send(origin);
      expect(ok.status, origin).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBe(origin);
    }
    expect((await send("https://evilshop.test")).status).toBe(403);
    const bad = await api("PATCH", `/api/v1/projects/${project.id}`, admin, { allowedOrigins: ["https://ok.example", "https://a*.example"] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe("allowedOrigins[1]");
  });

  it("PATCH a project's retention and quotas (admins, validated); the quota code and the retention job read them", async () => {
    const project = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Quota target" })).body;
    const res = await api("PATCH", `/api/v1/projects/${project.id}`, admin, { retentionDays: 45, quotaPerMinute: 1000, quotaPerDay: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ retentionDays: 45, quotaPerMinute: 1000, quotaPerDay: 2 });
    expect((await api("GET", `/api/v1/projects/${project.id}`, member)).body).toMatchObject({ retentionDays: 45, quotaPerMinute: 1000, quotaPerDay: 2 });
    const [row] = await query<{ retentionDays: number; quotaPerMinute: number | null; quotaPerDay: number | null }>(
      `SELECT "retentionDays", "quotaPerMinute", "quotaPerDay" FROM "Project" WHERE id = $1`,
      [project.id],
    );
    expect(row).toEqual({ retentionDays: 45, quotaPerMinute: 1000, quotaPerDay: 2 });

    // One request of three events passes the day quota of two whatever the clock: refused whole.
    const three = [{ type: "QuotaError", message: "1" }, { type: "QuotaError", message: "2" }, { type: "QuotaError", message: "3" }];
    const refused = await postEvents(project.ingestKey, three);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error).toMatchObject({ code: "quota_exceeded", quota: "day" });
    // null removes the quota: the same request is accepted.
    const cleared = await api("PATCH", `/api/v1/projects/${project.id}`, admin, { quotaPerDay: null });
    expect(cleared.body).toMatchObject({ quotaPerMinute: 1000, quotaPerDay: null });
    expect((await postEvents(project.ingestKey, three)).status).toBe(202);

    for (const [body, field] of [
      [{ quotaPerDay: 0 }, "quotaPerDay"],
      [{ quotaPerMinute: 1.5 }, "quotaPerMinute"],
      [{ quotaPerMinute: "100" }, "quotaPerMinute"],
      [{ retentionDays: 0 }, "retentionDays"],
      [{ retentionDays: null }, "retentionDays"],
    ] as const) {
      const bad = await api("PATCH", `/api/v1/projects/${project.id}`, admin, body);
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.body.error.issues[0].path).toBe(field);
    }
    expect((await api("PATCH", `/api/v1/projects/${project.id}`, member, { quotaPerDay: 5 })).status).toBe(403);
    const [after] = await query<{ quotaPerDay: number | null }>(`SELECT "quotaPerDay" FROM "Project" WHERE id = $1`, [project.id]);
    expect(after.quotaPerDay).toBeNull();
    const audit = await query<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'project.updated' ORDER BY at`,
      [project.id],
    );
    expect(audit[0].after).toMatchObject({ retentionDays: 45, quotaPerMinute: 1000, quotaPerDay: 2 });
  });

  it("deleting a project needs its name typed again, and is audited", async () => {
    const created = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/projects`, admin, { name: "Throwaway" })).body;
    expect((await postEvents(created.ingestKey, { type: "BeforeDelete" })).status).toBe(202);
    const eventIds = () => query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [created.id]);
    expect((await eventIds())[0].n).toBe(1);
    // A rule watching only this project, and a channel of it and the tenant's own.
    const rules = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items as { id: string; name: string; enabled: boolean }[];
    const rule = rules.find((r) => r.name.startsWith("High errors"))!;
    expect((await api("PATCH", `/api/v1/alert-rules/${rule.id}`, admin, { projectIds: [created.id] })).status).toBe(200);
    const channel = await api("POST", `/api/v1/workspaces/${t.workspaceId}/channels`, admin, { kind: "webhook", name: "Both projects", config: { url: "http://127.0.0.1:9/hook" }, projectIds: [created.id, t.projectId] });
    expect(channel.status).toBe(201);
    const wrong = await api("DELETE", `/api/v1/projects/${created.id}`, admin, { confirmName: "throwaway" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues[0].path).toBe("confirmName");
    expect((await api("DELETE", `/api/v1/projects/${created.id}`, admin, { confirmName: "Throwaway" })).status).toBe(204);
    expect((await api("GET", `/api/v1/projects/${created.id}`, admin)).status).toBe(404);
    expect((await postEvents(created.ingestKey, { type: "AfterDelete" })).status).toBe(401);
    // Tables without a foreign key to Project (event ids, rollups) lose its rows too.
    expect((await eventIds())[0].n).toBe(0);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ProjectDaily" WHERE "projectId" = $1`, [created.id]))[0].n).toBe(0);
    // It leaves the rule's and the channel's lists: the rule, left with none (which would mean every project), is off.
    const after = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin)).body.items.find((r: { id: string }) => r.id === rule.id);
    expect(after).toMatchObject({ projectIds: [], enabled: false });
    const channels = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/channels`, admin)).body.items as { id: string; projectIds: string[]; enabled: boolean }[];
    expect(channels.find((c) => c.id === channel.body.id)).toMatchObject({ projectIds: [t.projectId], enabled: true });
    const actions = await auditActions(t.workspaceId);
    expect(actions).toEqual(expect.arrayContaining(["workspace.updated", "project.created", "project.updated", "project.deleted", "ingest_key.created"]));
  });
});

describe("invitations", { timeout: 180_000 }, () => {
  let t: Tenant;
  let admin: string;
  beforeAll(async () => {
    t = await createTenant("adm-inv");
    admin = await login(t.admin);
  });

  it("invite → accept creates the user, signs them in with the invited role; the link then answers 410", async () => {
    const email = `new-${t.workspaceId.slice(-6)}@test.local`;
    const invited = await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email, role: "viewer" });
    expect(invited.status).toBe(201);
    expect(invited.body.url).toMatch(new RegExp(`^${BASE_URL}/invite/[A-Za-z0-9_-]{40,}$`));
    const days = (new Date(invited.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const token = tokenOf(invited.body.url);

    const pending = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin)).body.items;
    expect(pending.map((i: { email: string }) => i.email)).toContain(email);
    const described = await api("GET", `/api/v1/invitations/${token}`, null);
    expect(described.body).toMatchObject({ email, role: "viewer", hasAccount: false });

    expect((await accept(token, { password: "long enough" })).body.error.issues[0].path).toBe("name");
    const res = await fetch(`${BASE_URL}/api/v1/invitations/${token}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "New Colleague", password: "a good password" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!.split(";")[0];
    const me = (await api("GET", "/api/v1/me", cookie)).body;
    expect(me.user).toMatchObject({ email, name: "New Colleague" });
    expect(me.workspaces.find((w: { id: string }) => w.id === t.workspaceId).role).toBe("viewer");
    expect(await login({ id: "", email, password: "a good password" })).toMatch(/^faultline_session=/);

    const reused = await accept(token, { name: "Again", password: "a good password" });
    expect(reused.status).toBe(410);
    expect((await api("GET", `/api/v1/invitations/${token}`, null)).status).toBe(410);
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin)).body.items.map((i: { email: string }) => i.email)).not.toContain(email);
  });

  it("two accepts racing on one link: one 200, one 410", async () => {
    const invited = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: `race-${t.workspaceId.slice(-6)}@test.local`, role: "member" })).body;
    const token = tokenOf(invited.url);
    const [a, b] = await Promise.all([accept(token, { name: "A", password: "password one" }), accept(token, { name: "B", password: "password two" })]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
  });

  it("an expired link answers 410; a withdrawn one too; an unknown one 404", async () => {
    const expired = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: `late-${t.workspaceId.slice(-6)}@test.local`, role: "viewer" })).body;
    await query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const res = await accept(tokenOf(expired.url), { name: "Late", password: "too late now" });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("invitation_expired");
    expect((await api("GET", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin)).body.items.find((i: { id: string }) => i.id === expired.id).status).toBe("expired");

    const withdrawn = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: `nope-${t.workspaceId.slice(-6)}@test.local`, role: "viewer" })).body;
    expect((await api("DELETE", `/api/v1/workspaces/${t.workspaceId}/invitations/${withdrawn.id}`, admin)).status).toBe(204);
    expect((await accept(tokenOf(withdrawn.url), { name: "No", password: "not welcome" })).status).toBe(410);
    expect((await accept("x".repeat(43), { name: "No", password: "not welcome" })).status).toBe(404);
  });

  it("an existing user joins with their own password (a wrong one is 401); a current member cannot be invited (409)", async () => {
    const other = await createTenant("adm-inv-b");
    const invited = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: other.member.email, role: "member" })).body;
    expect((await api("GET", `/api/v1/invitations/${tokenOf(invited.url)}`, null)).body.hasAccount).toBe(true);
    expect((await accept(tokenOf(invited.url), { password: "wrong password" })).status).toBe(401);
    const noPassword = await accept(tokenOf(invited.url), {});
    expect(noPassword.status).toBe(422);
    expect(noPassword.body.error).toMatchObject({ message: "Enter the password of your account.", field: "password", issues: [{ path: "password" }] });
    expect((await accept(tokenOf(invited.url), { password: other.member.password })).status).toBe(200);
    const cookie = await login(other.member);
    const ids = (await api("GET", "/api/v1/me", cookie)).body.workspaces.map((w: { id: string }) => w.id);
    expect(ids).toEqual(expect.arrayContaining([t.workspaceId, other.workspaceId]));
    const alreadyMember = await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: other.member.email, role: "viewer" });
    expect(alreadyMember.status).toBe(409);
    expect(alreadyMember.body.error).toMatchObject({ code: "already_member", field: "email" });
    expect(await auditActions(t.workspaceId)).toEqual(expect.arrayContaining(["invitation.created", "invitation.accepted", "member.added", "invitation.revoked"]));
  });

  it("an inviter sends at most 50 invitations an hour, every workspace together: 429 naming the limit, with Retry-After", async () => {
    // Anyone signed in can be an admin, and a link says whether its address has an account: the
    // limit keeps invitations from being a fast way to find out which addresses do.
    const u = await createTenant("adm-inv-limit");
    const other = await createTenant("adm-inv-limit-b");
    // 49 in the last hour (in another workspace of theirs; the oldest 50 minutes ago) and one before it.
    await query(
      `INSERT INTO "Invitation" (id, "workspaceId", email, role, "tokenHash", "invitedById", "createdAt", "expiresAt")
       SELECT gen_random_uuid(), $1, 'seed-' || i || '-' || $3 || '@test.local', 'viewer', md5(random()::text || i), $2,
              now() - CASE WHEN i = 0 THEN interval '50 minutes' WHEN i = 49 THEN interval '61 minutes' ELSE interval '1 minute' END,
              now() + interval '7 days'
       FROM generate_series(0, 49) i`,
      [other.workspaceId, u.admin.id, u.workspaceId.slice(-6)],
    );
    const adminU = await login(u.admin);
    const invite = (who: string, cookie = adminU, workspaceId = u.workspaceId) =>
      api("POST", `/api/v1/workspaces/${workspaceId}/invitations`, cookie, { email: `${who}-${u.workspaceId.slice(-6)}@test.local`, role: "viewer" });
    const fiftieth = await invite("fiftieth");
    expect(fiftieth.status, JSON.stringify(fiftieth.body)).toBe(201);

    const res = await fetch(`${BASE_URL}/api/v1/workspaces/${u.workspaceId}/invitations`, {
      method: "POST",
      headers: { cookie: adminU, "content-type": "application/json" },
      body: JSON.stringify({ email: `fifty-first-${u.workspaceId.slice(-6)}@test.local`, role: "viewer" }),
    });
    expect(res.status).toBe(429);
    // The oldest of the hour's 50 leaves the window in 10 minutes.
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const body = (await res.json()) as { error: { code: string; message: string; limit: string; max: number; retryAfter: number } };
    expect(body.error).toMatchObject({ code: "too_many_invitations", limit: "inviter", max: 50, retryAfter });
    expect(body.error.message).toContain("50 invitations in the last hour");
    const listed = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/invitations`, adminU)).body.items.map((i: { email: string }) => i.email);
    expect(listed).toEqual([`fiftieth-${u.workspaceId.slice(-6)}@test.local`]);

    // Counted per inviter: another admin still invites.
    expect((await invite("by-t", admin, t.workspaceId)).status).toBe(201);
  });

  it("an admin's API token invites members and viewers, never admins (403 naming role: a leaked token must not mint a lasting admin)", async () => {
    const token = ((await api("POST", "/api/v1/account/tokens", admin, { name: "CI", scope: "write" })).body as { token: string }).token;
    const invite = (role: string) =>
      fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/invitations`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ email: `by-token-${role}-${t.workspaceId.slice(-6)}@test.local`, role }),
      });
    const asAdmin = await invite("admin");
    expect(asAdmin.status).toBe(403);
    const body = (await asAdmin.json()) as { error: { field: string; url?: string } };
    expect(body.error.field).toBe("role");
    expect(JSON.stringify(body)).not.toContain("/invite/");
    expect((await invite("member")).status).toBe(201);
    // A signed-in session still invites admins.
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: `by-session-${t.workspaceId.slice(-6)}@test.local`, role: "admin" })).status).toBe(201);
  });

  it("the invitee's API token is no sign-in: accepting without the password needs their browser session (a leaked token must not become a session)", async () => {
    const other = await createTenant("adm-inv-c");
    const session = await login(other.member);
    const token = ((await api("POST", "/api/v1/account/tokens", session, { name: "CI", scope: "write" })).body as { token: string }).token;
    const link = tokenOf((await api("POST", `/api/v1/workspaces/${t.workspaceId}/invitations`, admin, { email: other.member.email, role: "admin" })).body.url);
    const described = await fetch(`${BASE_URL}/api/v1/invitations/${link}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await described.json()).toMatchObject({ hasAccount: true, signedInAsInvitee: false });
    const byToken = await fetch(`${BASE_URL}/api/v1/invitations/${link}/accept`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
    expect(byToken.status).toBe(422);
    expect(byToken.headers.get("set-cookie")).toBeNull();
    expect(((await byToken.json()) as { error: { issues: { path: string }[] } }).error.issues[0].path).toBe("password");
    // Their browser session does count.
    expect((await accept(link, {}, session)).status).toBe(200);
  });
});

describe("memberships", { timeout: 180_000 }, () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  const membershipOf = async (userId: string) =>
    ((await api("GET", `/api/v1/workspaces/${t.workspaceId}/members`, admin)).body.items as { id: string; membershipId: string; role: string }[]).find((m) => m.id === userId)!;

  beforeAll(async () => {
    t = await createTenant("adm-mem");
    [admin, member] = await Promise.all([login(t.admin), login(t.member)]);
  });

  it("the last admin can be neither demoted nor removed (409); with a second admin they can", async () => {
    const own = await membershipOf(t.admin.id);
    const demote = await api("PATCH", `/api/v1/memberships/${own.membershipId}`, admin, { role: "member" });
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe("last_admin");
    expect((await api("DELETE", `/api/v1/memberships/${own.membershipId}`, admin)).status).toBe(409);

    const m = await membershipOf(t.member.id);
    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, member, { role: "admin" })).status).toBe(403);
    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, admin, { role: "admin" })).body.role).toBe("admin");
    expect((await api("PATCH", `/api/v1/memberships/${own.membershipId}`, admin, { role: "member" })).status).toBe(200);
    // Now the former member is the only admin.
    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, member, { role: "viewer" })).status).toBe(409);
  });

  it("an admin's API token cannot make a lasting admin, nor demote, remove or weaken the real ones: 403 session_required naming the field", async () => {
    const u = await createTenant("adm-mem-token");
    const owner = await login(u.admin);
    const withToken = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${BASE_URL}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const token = ((await api("POST", "/api/v1/account/tokens", owner, { name: "CI", scope: "write" })).body as { token: string }).token;
    const members = async () => (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, owner)).body.items as { email: string; membershipId: string; role: string }[];
    const coAdmin = (await members()).find((m) => m.email === u.member.email)!;
    expect((await api("PATCH", `/api/v1/memberships/${coAdmin.membershipId}`, owner, { role: "admin" })).status).toBe(200);

    // The review's path: a member invited with the token (allowed), the link accepted, then promoted with the same token.
    const invited = await withToken("POST", `/api/v1/workspaces/${u.workspaceId}/invitations`, token, { email: `attacker-${u.workspaceId.slice(-6)}@test.local`, role: "member" });
    expect(invited.status).toBe(201);
    expect((await accept(tokenOf(invited.body.url), { name: "Attacker", password: "attacker's password" })).status).toBe(200);
    const attacker = (await members()).find((m) => m.email.startsWith("attacker-"))!;
    const promoted = await withToken("PATCH", `/api/v1/memberships/${attacker.membershipId}`, token, { role: "admin" });
    expect(promoted.status).toBe(403);
    expect(promoted.body.error).toMatchObject({ code: "session_required", field: "role", issues: [{ path: "role" }] });
    expect(promoted.body.error.message).toMatch(/signed-in session/);

    // Nor the real admins taken away: demoted, removed, their two-factor requirement turned off.
    const demoted = await withToken("PATCH", `/api/v1/memberships/${coAdmin.membershipId}`, token, { role: "viewer" });
    expect(demoted.status).toBe(403);
    expect(demoted.body.error).toMatchObject({ code: "session_required", field: "role" });
    const removed = await withToken("DELETE", `/api/v1/memberships/${coAdmin.membershipId}`, token);
    expect(removed.status).toBe(403);
    expect(removed.body.error).toMatchObject({ code: "session_required", field: "id" });
    const ownMembership = (await members()).find((m) => m.email === u.admin.email)!;
    expect((await withToken("DELETE", `/api/v1/memberships/${ownMembership.membershipId}`, token)).body.error).toMatchObject({ code: "session_required", field: "id" });
    const weakened = await withToken("PATCH", `/api/v1/workspaces/${u.workspaceId}`, token, { requireTwoFactor: false });
    expect(weakened.status).toBe(403);
    expect(weakened.body.error).toMatchObject({ code: "session_required", field: "requireTwoFactor" });
    // Nothing changed, and nothing was written in the activity.
    expect(Object.fromEntries((await members()).map((m) => [m.email, m.role]))).toMatchObject({ [u.admin.email]: "admin", [u.member.email]: "admin", [attacker.email]: "member" });
    expect(await auditActions(u.workspaceId)).not.toContain("member.removed");

    // What touches no admin a token still does; a signed-in admin does the rest.
    expect((await withToken("PATCH", `/api/v1/workspaces/${u.workspaceId}`, token, { name: "Renamed by CI" })).status).toBe(200);
    expect((await withToken("PATCH", `/api/v1/memberships/${attacker.membershipId}`, token, { role: "viewer" })).body.role).toBe("viewer");
    expect((await api("PATCH", `/api/v1/memberships/${attacker.membershipId}`, owner, { role: "admin" })).body.role).toBe("admin");
    expect((await api("PATCH", `/api/v1/memberships/${attacker.membershipId}`, owner, { role: "member" })).body.role).toBe("member");
    expect((await withToken("DELETE", `/api/v1/memberships/${attacker.membershipId}`, token)).status).toBe(204);
    expect((await api("DELETE", `/api/v1/memberships/${coAdmin.membershipId}`, owner)).status).toBe(204);
  });

  it("two admins demoting each other at once: one succeeds, the workspace keeps an admin", async () => {
    const u = await createTenant("adm-mem-race");
    const [a1, a2] = [u.admin, u.member];
    const c1 = await login(a1);
    const list = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, c1)).body.items as { id: string; membershipId: string }[];
    const m1 = list.find((m) => m.id === a1.id)!.membershipId;
    const m2 = list.find((m) => m.id === a2.id)!.membershipId;
    await api("PATCH", `/api/v1/memberships/${m2}`, c1, { role: "admin" });
    const c2 = await login(a2);
    const [r1, r2] = await Promise.all([api("PATCH", `/api/v1/memberships/${m2}`, c1, { role: "member" }), api("PATCH", `/api/v1/memberships/${m1}`, c2, { role: "member" })]);
    // The loser finds itself the last admin (409) or, when it signed in after the winner, no admin any more (403).
    const statuses = [r1.status, r2.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Membership" WHERE "workspaceId" = $1 AND role = 'admin'`, [u.workspaceId]);
    expect(n).toBe(1);
  });

  it("an admin's pending invitations are withdrawn when they lose the role or leave the workspace (410 at the link)", async () => {
    const u = await createTenant("adm-inv-gone");
    const adminU = await login(u.admin);
    const memberU = await login(u.member);
    const members = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, adminU)).body.items as { id: string; membershipId: string }[];
    const m = members.find((x) => x.id === u.member.id)!;
    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, adminU, { role: "admin" })).status).toBe(200);
    const invite = async (who: string) => (await api("POST", `/api/v1/workspaces/${u.workspaceId}/invitations`, memberU, { email: `${who}-${u.workspaceId.slice(-6)}@test.local`, role: "admin" })).body as { url: string };
    const byDemoted = await invite("demoted");
    const kept = (await api("POST", `/api/v1/workspaces/${u.workspaceId}/invitations`, adminU, { email: `kept-${u.workspaceId.slice(-6)}@test.local`, role: "viewer" })).body as { url: string };

    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, adminU, { role: "member" })).status).toBe(200);
    const refused = await accept(tokenOf(byDemoted.url), { name: "Sock", password: "sock puppet pass" });
    expect(refused.status).toBe(410);
    expect(refused.body.error.code).toBe("invitation_revoked");
    expect((await accept(tokenOf(kept.url), { name: "Kept", password: "still welcome here" })).status).toBe(200); // another admin's link stands

    expect((await api("PATCH", `/api/v1/memberships/${m.membershipId}`, adminU, { role: "admin" })).status).toBe(200);
    const byRemoved = await invite("removed");
    expect((await api("DELETE", `/api/v1/memberships/${m.membershipId}`, adminU)).status).toBe(204);
    expect((await accept(tokenOf(byRemoved.url), { name: "Sock", password: "sock puppet pass" })).status).toBe(410);

    // A link still pending from before that rule (its sender demoted without it being withdrawn) is checked at the door too.
    const viewerMembership = members.find((x) => x.id === u.viewer.id)!;
    expect((await api("PATCH", `/api/v1/memberships/${viewerMembership.membershipId}`, adminU, { role: "admin" })).status).toBe(200);
    const old = (await api("POST", `/api/v1/workspaces/${u.workspaceId}/invitations`, await login(u.viewer), { email: `old-${u.workspaceId.slice(-6)}@test.local`, role: "admin" })).body as { url: string };
    await query(`UPDATE "Membership" SET role = 'viewer' WHERE "userId" = $1 AND "workspaceId" = $2`, [u.viewer.id, u.workspaceId]);
    expect((await api("GET", `/api/v1/invitations/${tokenOf(old.url)}`, null)).status).toBe(410);
    expect((await accept(tokenOf(old.url), { name: "Old", password: "an old pending link" })).status).toBe(410);
  });

  it("a user leaves a workspace; a viewer cannot remove others; other workspaces' memberships are 404", async () => {
    const u = await createTenant("adm-leave");
    const viewer = await login(u.viewer);
    const adminU = await login(u.admin);
    const list = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, adminU)).body.items as { id: string; membershipId: string }[];
    const memberMembership = list.find((m) => m.id === u.member.id)!.membershipId;
    expect((await api("DELETE", `/api/v1/memberships/${memberMembership}`, viewer)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/memberships/${memberMembership}`, admin)).status).toBe(404);
    const own = list.find((m) => m.id === u.viewer.id)!.membershipId;
    expect((await api("DELETE", `/api/v1/memberships/${own}`, viewer)).status).toBe(204);
    expect((await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, viewer)).status).toBe(404);
    expect(await auditActions(u.workspaceId)).toContain("member.left");
  });

  it("an admin's reset link for a member works once; refused for someone with other workspaces", async () => {
    const u = await createTenant("adm-reset");
    const adminU = await login(u.admin);
    const members = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, adminU)).body.items as { id: string; membershipId: string }[];
    const m = members.find((x) => x.id === u.member.id)!;
    expect((await api("POST", `/api/v1/memberships/${m.membershipId}/password-reset`, await login(u.viewer))).status).toBe(403);
    const link = await api("POST", `/api/v1/memberships/${m.membershipId}/password-reset`, adminU);
    expect(link.status).toBe(201);
    const token = tokenOf(link.body.url);
    expect((await api("GET", `/api/v1/password-resets/${token}`, null)).body.email).toBe(u.member.email);
    const old = await login(u.member);
    const minted = await api("POST", "/api/v1/account/tokens", old, { name: "made before the reset", scope: "read" });
    expect(minted.status).toBe(201);
    const bearer = `Bearer ${minted.body.token as string}`;
    const readWithToken = () => fetch(`${BASE_URL}/api/v1/errors?workspaceId=${u.workspaceId}`, { headers: { authorization: bearer } });
    expect((await readWithToken()).status).toBe(200);
    const done = await fetch(`${BASE_URL}/api/v1/password-resets/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: "brand new secret" }) });
    expect(done.status).toBe(200);
    expect((await api("GET", "/api/v1/me", old)).status).toBe(401); // every session signed out
    expect((await readWithToken()).status).toBe(401); // and every API token revoked
    expect(await login({ ...u.member, password: "brand new secret" })).toMatch(/^faultline_session=/);
    expect((await api("POST", `/api/v1/password-resets/${token}`, null, { password: "again and again" })).status).toBe(410);
    // The link is a credential: the request log names the route with `:id`, never the token itself.
    const log = await waitFor(async () => {
      const text = fs.readFileSync(appLogFile(), "utf8");
      return text.includes(`"route":"/api/v1/password-resets/:id"`) ? text : undefined;
    });
    expect(log).not.toContain(token);

    // Someone who also belongs to a workspace this admin does not administer: no reset link.
    const elsewhere = await createTenant("adm-reset-b");
    await query(`INSERT INTO "Membership" ("userId", "workspaceId", role) VALUES ($1, $2, 'viewer')`, [elsewhere.viewer.id, u.workspaceId]);
    const listed = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, adminU)).body.items as { id: string; membershipId: string; resettable: boolean }[];
    const theirs = listed.find((x) => x.id === elsewhere.viewer.id)!;
    // The list says where the button would fail: that person, and the admin themself; a member is told of no one.
    expect(Object.fromEntries(listed.map((x) => [x.id, x.resettable]))).toMatchObject({ [elsewhere.viewer.id]: false, [u.admin.id]: false, [u.member.id]: true, [u.viewer.id]: true });
    const asMember = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, await login(u.viewer))).body.items as { resettable: boolean }[];
    expect(asMember.every((x) => x.resettable === false)).toBe(true);
    const refused = await api("POST", `/api/v1/memberships/${theirs.membershipId}/password-reset`, adminU);
    expect(refused.status).toBe(403);
    // …and the refusal does not tell this admin that the person has other workspaces.
    expect(refused.body.error.message).not.toMatch(/workspace/);
    expect(await auditActions(u.workspaceId)).toEqual(expect.arrayContaining(["user.password_reset_link_created", "user.password_reset"]));
  });

  it("no reset link for oneself or with an API token; a link stops working once its admin no longer administers every workspace of the person", async () => {
    const u = await createTenant("adm-reset-c");
    const adminU = await login(u.admin);
    const members = (await api("GET", `/api/v1/workspaces/${u.workspaceId}/members`, adminU)).body.items as { id: string; membershipId: string }[];
    const own = members.find((x) => x.id === u.admin.id)!;
    const viewer = members.find((x) => x.id === u.viewer.id)!;
    // A stolen session must not replace the password without the current one.
    const self = await api("POST", `/api/v1/memberships/${own.membershipId}/password-reset`, adminU);
    expect(self.status).toBe(403);
    expect(JSON.stringify(self.body)).toContain("Your account");
    const token = ((await api("POST", "/api/v1/account/tokens", adminU, { name: "CI", scope: "write" })).body as { token: string }).token;
    const byToken = await fetch(`${BASE_URL}/api/v1/memberships/${viewer.membershipId}/password-reset`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(403);

    // Made while the viewer belonged to this workspace only; then they joined another one.
    const link = await api("POST", `/api/v1/memberships/${viewer.membershipId}/password-reset`, adminU);
    expect(link.status).toBe(201);
    const other = await createTenant("adm-reset-d");
    await query(`INSERT INTO "Membership" ("userId", "workspaceId", role) VALUES ($1, $2, 'viewer')`, [u.viewer.id, other.workspaceId]);
    // Opening the link already says so (the page shows no form that can only fail).
    const opened = await api("GET", `/api/v1/password-resets/${tokenOf(link.body.url)}`, null);
    expect(opened.status).toBe(410);
    expect(opened.body.error.code).toBe("reset_revoked");
    const used = await api("POST", `/api/v1/password-resets/${tokenOf(link.body.url)}`, null, { password: "taken over, nearly" });
    expect(used.status).toBe(410);
    expect(await login(u.viewer)).toMatch(/^faultline_session=/); // the old password still works

    // The admin who made a link loses the role: opening it answers 410 too.
    const second = await api("POST", `/api/v1/memberships/${members.find((x) => x.id === u.member.id)!.membershipId}/password-reset`, adminU);
    expect(second.status).toBe(201);
    expect((await api("GET", `/api/v1/password-resets/${tokenOf(second.body.url)}`, null)).status).toBe(200);
    await query(`UPDATE "Membership" SET role = 'member' WHERE "userId" = $1 AND "workspaceId" = $2`, [u.admin.id, u.workspaceId]);
    const demoted = await api("GET", `/api/v1/password-resets/${tokenOf(second.body.url)}`, null);
    expect(demoted.status).toBe(410);
    expect(demoted.body.error.code).toBe("reset_revoked");
  });
});

describe("account", { timeout: 180_000 }, () => {
  it("keeps a time-zone preference: a zone (spelt canonically), the browser's own, or none (UTC); what is no zone is a 422 naming it", async () => {
    const t = await createTenant("adm-tz");
    const cookie = await login(t.member);
    expect((await api("GET", "/api/v1/account", cookie)).body.timeZone).toBeNull();
    const berlin = await api("PATCH", "/api/v1/account", cookie, { timeZone: "europe/berlin" });
    expect(berlin.status).toBe(200);
    expect(berlin.body).toMatchObject({ timeZone: "Europe/Berlin", email: t.member.email });
    expect((await api("GET", "/api/v1/me", cookie)).body.user.timeZone).toBe("Europe/Berlin");
    for (const bad of [{ timeZone: "Mars/Olympus" }, { timeZone: 5 }]) {
      const res = await api("PATCH", "/api/v1/account", cookie, bad);
      expect(res.status).toBe(422);
      expect(res.body.error.issues[0].path).toBe("timeZone");
    }
    const empty = await api("PATCH", "/api/v1/account", cookie, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.issues[0].path).toBe("name");
    expect((await api("GET", "/api/v1/account", cookie)).body.timeZone).toBe("Europe/Berlin");
    // Renaming leaves the zone alone; "local" and null are kept as they are.
    expect((await api("PATCH", "/api/v1/account", cookie, { name: "Zoned Member" })).body).toMatchObject({ name: "Zoned Member", timeZone: "Europe/Berlin" });
    expect((await api("PATCH", "/api/v1/account", cookie, { timeZone: "local" })).body.timeZone).toBe("local");
    expect((await api("PATCH", "/api/v1/account", cookie, { timeZone: null })).body.timeZone).toBeNull();
    expect((await api("GET", "/api/v1/me", cookie)).body.user.timeZone).toBeNull();
  });

  it("changes name and password (current one required), lists sessions and signs out the others", async () => {
    const t = await createTenant("adm-acct");
    const first = await login(t.viewer);
    const second = await login(t.viewer);
    expect((await api("PATCH", "/api/v1/account", first, { name: "Renamed Viewer" })).body.name).toBe("Renamed Viewer");
    const sessions = (await api("GET", "/api/v1/account/sessions", first)).body.items as { id: string; current: boolean }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const wrong = await api("POST", "/api/v1/account/password", first, { currentPassword: "nope", newPassword: "a better password" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues[0].path).toBe("currentPassword");
    // The form shows the message as is: a sentence, the field named beside it.
    expect(wrong.body.error).toMatchObject({ message: "That is not your current password.", field: "currentPassword" });
    expect((await api("POST", "/api/v1/account/password", first, { currentPassword: t.viewer.password, newPassword: "short" })).body.error.issues[0].path).toBe("newPassword");
    const changed = await api("POST", "/api/v1/account/password", first, { currentPassword: t.viewer.password, newPassword: "a better password" });
    expect(changed.status).toBe(200);
    expect(changed.body.otherSessionsSignedOut).toBeGreaterThanOrEqual(1);
    expect((await api("GET", "/api/v1/me", first)).status).toBe(200);
    expect((await api("GET", "/api/v1/me", second)).status).toBe(401);
    const third = await login({ ...t.viewer, password: "a better password" });
    expect((await api("DELETE", "/api/v1/account/sessions", first)).body.signedOut).toBeGreaterThanOrEqual(1);
    expect((await api("GET", "/api/v1/me", third)).status).toBe(401);
    expect(await auditActions(t.workspaceId)).toEqual(expect.arrayContaining(["user.renamed", "user.password_changed", "user.sessions_revoked"]));
  });
});
