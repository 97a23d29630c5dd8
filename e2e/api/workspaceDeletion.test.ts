import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, plantWorkspaceWideAlert } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { addBlogProject, BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { createRule } from "@/lib/alerts/rules/createRule";
import { createAssignmentRule } from "@/lib/assignment/createAssignmentRule";
import type { UserAuth } from "@/lib/auth/session";
import { createComment } from "@/lib/errors/comments/comments";
import { createIssueLink } from "@/lib/errors/links/issueLinks";
import { createInvitation } from "@/lib/invitations/createInvitation";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { createProject } from "@/lib/projects/createProject";
import { purgeProject } from "@/lib/projects/deletion/purgeProject";
import { declareRelease } from "@/lib/releases/declared/declaredReleases";
import { createSavedSearch } from "@/lib/savedSearches/savedSearches";
import { createTeam } from "@/lib/teams/createTeam";
import { markWorkspaceDeleting } from "@/lib/workspaces/deletion/markWorkspaceDeleting";
import { purgeWorkspace } from "@/lib/workspaces/deletion/purgeWorkspace";
import { resumeWorkspaceDeletions } from "@/lib/workspaces/deletion/resumeWorkspaceDeletions";

const DAY = 86_400_000;
const tag = () => randomBytes(4).toString("hex");

const authOf = (t: Tenant, role: "admin" | "member"): UserAuth => ({ kind: "user", userId: t[role].id, email: t[role].email, name: role, memberships: [{ workspaceId: t.workspaceId, role }] });

/** The ids a workspace's rows are found by, per column name, taken before its deletion. */
type Ids = Record<string, string[]>;

/**
 * The ids of everything the workspace holds, by the column names other tables refer to them with:
 * the workspace, its projects, issues, teams, alerts, deliveries, channels, monitors and rules.
 */
async function idsOf(workspaceId: string): Promise<Ids> {
  const ids = async (sql: string) => (await query<{ id: string }>(sql, [workspaceId])).map((r) => r.id);
  const projects = await ids(`SELECT id FROM "Project" WHERE "workspaceId" = $1`);
  const groups = await ids(`SELECT id FROM "ErrorGroup" WHERE "workspaceId" = $1`);
  const rules = [
    ...(await ids(`SELECT id FROM "AlertRule" WHERE "workspaceId" = $1`)),
    ...(await ids(`SELECT id FROM "ForwardingRule" WHERE "workspaceId" = $1`)),
    ...(await ids(`SELECT id FROM "AssignmentRule" WHERE "workspaceId" = $1`)),
  ];
  return {
    workspaceId: [workspaceId],
    projectId: projects,
    projectIds: projects,
    groupId: groups,
    parentGroupId: groups,
    childGroupId: groups,
    errorGroupId: groups,
    teamId: await ids(`SELECT id FROM "Team" WHERE "workspaceId" = $1`),
    alertId: await ids(`SELECT id FROM "Alert" WHERE "workspaceId" = $1`),
    deliveryId: await ids(`SELECT id FROM "Delivery" WHERE "workspaceId" = $1`),
    channelId: await ids(`SELECT id FROM "NotificationChannel" WHERE "workspaceId" = $1`),
    monitorId: await ids(`SELECT id FROM "CronMonitor" WHERE "workspaceId" = $1`),
    ruleId: rules,
  };
}

/**
 * Every row left anywhere that refers to the workspace or to one of its things, found from the
 * database's own catalogue (not from the lists the deletion walks): each table with a column of
 * those names, counted for those ids, and the workspace's and its projects' own rows.
 */
async function leftovers(ids: Ids): Promise<Record<string, number>> {
  const columns = await query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
     WHERE c.table_schema = current_schema() AND NOT t.relispartition AND t.relkind IN ('r', 'p') AND c.column_name = ANY($1::text[])`,
    [Object.keys(ids)],
  );
  const left: Record<string, number> = {};
  for (const { table, column } of columns) {
    const where = column === "projectIds" ? `"projectIds" && $1::uuid[]` : `"${column}" = ANY($1::uuid[])`;
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [ids[column]]);
    if (n > 0) left[`${table}.${column}`] = n;
  }
  for (const [table, list] of [["Workspace", ids.workspaceId], ["Project", ids.projectId]] as const) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE id = ANY($1::uuid[])`, [list]);
    if (n > 0) left[table] = n;
  }
  return left;
}

/** How many rows of each table carry the workspace's id. */
async function rowsByTable(workspaceId: string): Promise<Record<string, number>> {
  const tables = await query<{ table: string }>(
    `SELECT c.table_name AS table FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
     WHERE c.table_schema = current_schema() AND NOT t.relispartition AND t.relkind IN ('r', 'p') AND c.column_name = 'workspaceId'`,
  );
  const counts: Record<string, number> = {};
  for (const { table } of tables) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    if (n > 0) counts[table] = n;
  }
  return counts;
}

const sentryEnvelope = (t: Tenant, items: { type: string; payload: string }[]) =>
  postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({}, items)));

/**
 * Rows in nearly every table a workspace fills: events of two projects over days (users, agents,
 * tags, environments, releases), executions, a release-health session and user feedback, a cron
 * check-in; rules, channels, teams, an assignment rule, an invitation, saved searches, comments,
 * an issue link, a declared release and a deploy, a workspace-wide alert with a delivery and a
 * notification, a weekly report sent, an upload chunk, an outbox batch. Returns the pending invitation's token.
 */
async function fill(t: Tenant): Promise<{ invitationToken: string }> {
  const blog = await addBlogProject(t);
  for (const key of [t.key, blog.key]) {
    const batch = Array.from({ length: 60 }, (_, i) => ({
      type: `Filled${i % 6}`,
      message: `filled ${i % 6}`,
      occurredAt: new Date(Date.now() - (i % 10) * DAY - 3_600_000).toISOString(),
      userId: `u${i % 7}`,
      agentId: `a${i % 3}`,
      environment: ["production", "staging"][i % 2],
      release: `app@1.${i % 2}`,
      tags: { region: `r${i % 3}` },
    }));
    expect((await postEvents(key, batch)).status).toBe(202);
  }
  const executions = await fetch(`${BASE_URL}/api/v1/executions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": t.key },
    body: JSON.stringify({ counts: [{ agentId: "a1", ok: 5, failed: 1 }] }),
  });
  expect(executions.status).toBe(202);
  const sentry = await sentryEnvelope(t, [
    { type: "event", payload: errorEvent(newEventId(), { release: "app@1.0", user: { id: "u1" } }) },
    { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "crashed", errors: 1, started: new Date().toISOString(), attrs: { release: "app@1.0", environment: "production" } }) },
    { type: "user_report", payload: JSON.stringify({ event_id: newEventId(), name: "A user", email: "user@example.com", comments: "it broke" }) },
  ]);
  expect(sentry.status).toBe(200);
  expect((await fetch(`${BASE_URL}/api/${t.projectPublicId}/cron/nightly/${t.key}/?status=ok`)).status).toBe(202);

  const admin = authOf(t, "admin");
  const [groupId] = (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY id LIMIT 1`, [t.projectId])).map((r) => r.id);
  const rule = await createRule(admin, t.workspaceId, { name: "Doomed rule", kind: "severity_count", eventSeverity: "high", alertSeverity: null, threshold: 400, windowSeconds: 300, baselineSeconds: null, minCount: 0, enabled: true, projectIds: [t.projectId] });
  const channel = await createChannel(admin, t.workspaceId, { name: "Doomed hook", kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/hook" } });
  const team = await createTeam(admin, t.workspaceId, { name: `Team ${tag()}`, memberIds: [t.member.id] });
  await createAssignmentRule(admin, t.workspaceId, { name: "Payments", conditions: [{ field: "category", pattern: "payment" }], assignee: { type: "team", id: team.id }, enabled: true });
  const invitation = await createInvitation(admin, t.workspaceId, { email: `invitee-${tag()}@test.local`, role: "member" }, BASE_URL);
  await createSavedSearch(authOf(t, "member"), t.workspaceId, { name: "Mine", query: "is:unresolved" });
  await createComment(admin, groupId, { body: "Looking into it" });
  await createIssueLink(admin, groupId, { url: `https://tracker.example.com/t/${tag()}` });
  await declareRelease(admin, t.workspaceId, { version: "app@9.9", projects: [t.projectId] });
  await plantWorkspaceWideAlert(t.workspaceId, rule.id);
  const [alert] = await query<{ id: string }>(`SELECT id FROM "Alert" WHERE "workspaceId" = $1 AND "projectId" IS NULL`, [t.workspaceId]);
  await query(
    `INSERT INTO "Delivery" (id, "workspaceId", "alertId", "channelId", stage, status, "nextAttemptAt") VALUES (gen_random_uuid(), $1, $2, $3, 'initial', 'failed', now())`,
    [t.workspaceId, alert.id, channel.id],
  );
  await query(
    `INSERT INTO "UserNotification" (id, "userId", "workspaceId", "alertId", kind, "sourceId") VALUES (gen_random_uuid(), $1, $2, $3, 'alert', gen_random_uuid())`,
    [t.member.id, t.workspaceId, alert.id],
  );
  await query(`INSERT INTO "WeeklyReportSent" ("userId", "workspaceId", "weekStart") VALUES ($1, $2, '2026-01-05')`, [t.viewer.id, t.workspaceId]);
  await query(`INSERT INTO "UploadChunk" ("workspaceId", checksum, content) VALUES ($1, $2, '\\x00'::bytea)`, [t.workspaceId, randomBytes(20).toString("hex")]);
  await query(`INSERT INTO "ReleaseDeploy" (id, "workspaceId", version, environment) VALUES (gen_random_uuid(), $1, 'app@9.9', 'production')`, [t.workspaceId]);
  await query(`INSERT INTO "AlertOutbox" (id, "workspaceId", batch, "claimedUntil") VALUES (gen_random_uuid(), $1, '[]', now() + interval '1 hour')`, [t.workspaceId]);
  return { invitationToken: invitation.url.split("/").pop()! };
}

describe("deleting a workspace", { timeout: 180_000 }, () => {
  let doomed: Tenant;
  let other: Tenant;
  const cookies: Record<"admin" | "member" | "viewer" | "otherAdmin", string> = { admin: "", member: "", viewer: "", otherAdmin: "" };
  let token: string;
  let invitationToken: string;

  beforeAll(async () => {
    [doomed, other] = await Promise.all([createTenant("wsdel"), createTenant("wsdel-other")]);
    ({ invitationToken } = await fill(doomed));
    await createSavedSearch(authOf(other, "member"), other.workspaceId, { name: "Theirs", query: "is:unresolved" });
    expect((await postEvents(other.key, [{ type: "OtherError", message: "another workspace" }])).status).toBe(202);
    for (const role of ["admin", "member", "viewer"] as const) cookies[role] = await login(doomed[role]);
    cookies.otherAdmin = await login(other.admin);
    const created = await api("POST", "/api/v1/account/tokens", cookies.admin, { name: "ci", scope: "write" });
    expect(created.status).toBe(201);
    token = created.body.token;
  });

  const del = (cookie: string | null, body?: unknown, search = "") => api("DELETE", `/api/v1/workspaces/${doomed.workspaceId}${search}`, cookie, body);
  const workspaceNames = async (cookie: string) => ((await api("GET", "/api/v1/me", cookie)).body.workspaces as { id: string }[]).map((w) => w.id);

  it("refuses a missing or wrong name (422 naming confirm), a viewer or member (403), an API token (403), another workspace (404), nobody (401) — and deletes nothing", async () => {
    const name = (await api("GET", "/api/v1/me", cookies.admin)).body.workspaces.find((w: { id: string }) => w.id === doomed.workspaceId).name as string;
    for (const [body, search] of [[undefined, ""], [{}, ""], [{ confirm: "" }, ""], [{ confirm: name.toUpperCase() }, ""], [{ confirm: `${name} x` }, ""], [undefined, "?confirm=nope"], [{ confirm: name }, "?confirm=nope"], [{ confirm: "nope" }, `?confirm=${encodeURIComponent(name)}`]] as const) {
      const res = await del(cookies.admin, body, search);
      expect(res.status, JSON.stringify({ body, search })).toBe(422);
      expect(res.body.error.issues[0].path).toBe("confirm");
    }
    expect((await del(cookies.viewer, { confirm: name })).status).toBe(403);
    expect((await del(cookies.member, { confirm: name })).status).toBe(403);
    const byToken = await fetch(`${BASE_URL}/api/v1/workspaces/${doomed.workspaceId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ confirm: name }),
    });
    expect(byToken.status).toBe(403);
    expect((await byToken.json()).error.message).toMatch(/deleting a workspace needs a signed-in session, not an API token/);
    expect((await del(cookies.otherAdmin, { confirm: name })).status).toBe(404);
    expect((await del(null, { confirm: name })).status).toBe(401);
    expect(await workspaceNames(cookies.member)).toContain(doomed.workspaceId);
    expect((await query(`SELECT 1 FROM "Workspace" WHERE id = $1 AND "deletingAt" IS NULL`, [doomed.workspaceId])).length).toBe(1);
    expect((await postEvents(doomed.key, { type: "StillHere", message: "still taken" })).status).toBe(202);
  });

  it("makes it unreachable at once (202), then the project-deletion job leaves no row of it in any table; other workspaces are untouched", async () => {
    const before = await rowsByTable(doomed.workspaceId);
    // The seeding reached the workspace's own tables and its projects' (a check that the count below can fail).
    for (const table of ["Membership", "Invitation", "Team", "AssignmentRule", "AlertRule", "NotificationChannel", "Alert", "Delivery", "UserNotification", "AuditLog", "SavedSearch", "DeclaredRelease", "ReleaseDeploy", "UploadChunk", "WeeklyReportSent", "AlertOutbox", "ErrorGroup", "ErrorOccurrence", "ErrorComment", "IssueLink", "CronMonitor", "UserFeedback", "ProjectDaily"]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    const ids = await idsOf(doomed.workspaceId);
    expect(ids.projectId).toHaveLength(2);
    const stable = ["ErrorGroup", "ErrorOccurrence", "Membership", "Project", "AlertRule", "SavedSearch", "AuditLog"];
    const otherBefore = await rowsByTable(other.workspaceId);

    const name = (await api("GET", "/api/v1/me", cookies.admin)).body.workspaces.find((w: { id: string }) => w.id === doomed.workspaceId).name as string;
    // The name from the query string does it too.
    const res = await del(cookies.admin, undefined, `?confirm=${encodeURIComponent(name)}`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ id: doomed.workspaceId, name, status: "deleting", projects: 2, members: 3, ingestKeysRevoked: 2 });
    expect(res.body.next).toMatch(/project-deletion/);

    // At once: in no member's list, 404 everywhere (by session and by token), a second DELETE 404.
    for (const role of ["admin", "member", "viewer"] as const) {
      expect(await workspaceNames(cookies[role]), role).not.toContain(doomed.workspaceId);
      expect((await api("GET", `/api/v1/workspaces/${doomed.workspaceId}/members`, cookies[role])).status, role).toBe(404);
      expect((await api("GET", `/api/v1/errors?workspaceId=${doomed.workspaceId}`, cookies[role])).status, role).toBe(404);
      expect((await api("GET", `/api/v1/projects/${doomed.projectId}`, cookies[role])).status, role).toBe(404);
    }
    const byToken = await fetch(`${BASE_URL}/api/v1/workspaces/${doomed.workspaceId}/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(404);
    expect((await del(cookies.admin, { confirm: name })).status).toBe(404);
    // Its keys are refused as a deleted project's are: 401 at the native door, 404 at Sentry's.
    expect((await postEvents(doomed.key, { type: "AfterDelete", message: "refused" })).status).toBe(401);
    expect((await sentryEnvelope(doomed, [{ type: "event", payload: errorEvent(newEventId()) }])).status).toBe(404);
    // Its invitation link is withdrawn.
    expect((await api("GET", `/api/v1/invitations/${invitationToken}`, null)).status).toBe(410);
    // Its rules and channels are off while its rows go.
    expect(await query(`SELECT 1 FROM "AlertRule" WHERE "workspaceId" = $1 AND enabled`, [doomed.workspaceId])).toEqual([]);

    // The app's job was asked for a turn; this process runs it too, as a second instance would.
    await Promise.all([resumeWorkspaceDeletions(), resumeWorkspaceDeletions()]);
    await waitFor(async () => (Object.keys(await leftovers(ids)).length === 0 ? true : undefined), 60_000, 200);
    expect(await leftovers(ids)).toEqual({});
    expect(await rowsByTable(doomed.workspaceId)).toEqual({});

    // The other workspace: its rows, its members' list and its ingest are as they were.
    const otherAfter = await rowsByTable(other.workspaceId);
    for (const table of stable) expect(otherAfter[table], table).toBe(otherBefore[table]);
    expect(await workspaceNames(cookies.otherAdmin)).toEqual([other.workspaceId]);
    expect((await postEvents(other.key, { type: "OtherError", message: "still taken" })).status).toBe(202);
    // The people of the deleted workspace keep their accounts (and their sessions and tokens).
    expect((await api("GET", "/api/v1/me", cookies.member)).status).toBe(200);
    expect((await fetch(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe("a workspace deletion interrupted after its first step", { timeout: 120_000 }, () => {
  it("is finished by the job, however many instances run it at once, with a project created while it began", async () => {
    const t = await createTenant("wsdel-resume");
    const blog = await addBlogProject(t);
    for (const key of [t.key, blog.key]) expect((await postEvents(key, [{ type: "KeptError", message: "kept until the job runs", userId: "u1" }])).status).toBe(202);
    const cookie = await login(t.member);

    // What DELETE does first, without what follows (as if the instance died right after).
    const marked = await markWorkspaceDeleting(t.workspaceId);
    expect(marked?.projects).toHaveLength(2);
    expect(marked?.keyHashes).toHaveLength(2);
    // A second deletion finds nothing to mark.
    expect(await markWorkspaceDeleting(t.workspaceId)).toBeNull();
    expect(((await api("GET", "/api/v1/me", cookie)).body.workspaces as { id: string }[]).map((w) => w.id)).not.toContain(t.workspaceId);
    // The app may hold the key a few seconds more; the store refuses what gets past it, as for a deleted project.
    expect((await postEvents(t.key, { type: "AfterMark", message: "after the mark" })).status).toBe(401);
    // A project a request created while the deletion began (it passed the permission check before).
    const late = await createProject({ workspaceId: t.workspaceId, name: `Late ${tag()}` });
    await createIngestKey({ projectId: late.id, name: "late" });
    const ids = await idsOf(t.workspaceId);
    expect(ids.projectId).toHaveLength(3);
    // Part of the purge ran before the "crash": one project is gone already.
    expect((await purgeProject(marked!.projects[0], { wait: true }))?.deleted.Project).toBe(1);

    // Two instances' turns at once, and the app's own: each workspace and project under one lease
    // (a turn that finds the workspace leased elsewhere skips it; none fails).
    await Promise.all([purgeWorkspace(t.workspaceId), purgeWorkspace(t.workspaceId), resumeWorkspaceDeletions()]);
    await waitFor(async () => (Object.keys(await leftovers(ids)).length === 0 ? true : undefined), 60_000, 200);
    expect(await rowsByTable(t.workspaceId)).toEqual({});
    // Once gone, another run finds nothing to do.
    expect(await purgeWorkspace(t.workspaceId, { wait: true })).toEqual({ deleted: {}, projects: 0 });
  });
});
