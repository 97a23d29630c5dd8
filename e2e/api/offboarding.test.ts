import { beforeAll, describe, expect, it } from "vitest";
import { api, waitUntil } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, createTestUser, login, postEvents, type Tenant, type TestUser } from "@/e2e/support/tenant";
import { addMember } from "@/lib/workspaces/addMember";

/**
 * People leaving a team or the workspace, or becoming viewers: the issues and rules that named them
 * follow (unassigned and audited, rules turned off), and what stays assigned can still be triaged.
 */

interface Row {
  assigneeId: string | null;
  assigneeTeamId: string | null;
  status: string;
}
const groupRow = async (id: string): Promise<Row> =>
  (await query<Row>(`SELECT "assigneeId", "assigneeTeamId", status::text FROM "ErrorGroup" WHERE id = $1`, [id]))[0];

interface AuditEntry {
  action: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
const auditOf = (targetId: string) =>
  query<AuditEntry>(`SELECT action, "actorId", before, after FROM "AuditLog" WHERE "targetId" = $1 ORDER BY at, id`, [targetId]);

async function ingest(t: Tenant, type: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postEvents(t.key, { type, message: `${type} happened`, severity: "high", ...extra });
  expect(res.status).toBe(202);
  return (await res.json()).accepted[0].groupId as string;
}

/** A fresh colleague with `role` in the tenant's workspace, signed in. */
async function colleague(t: Tenant, name: string, role: "viewer" | "member" | "admin" = "member"): Promise<TestUser & { cookie: string; membershipId: string }> {
  const user = await createTestUser(`${name}-${t.workspaceId.slice(-8)}@test.local`, `${name} ${t.workspaceId.slice(-4)}`);
  const membership = await addMember({ workspaceId: t.workspaceId, userId: user.id, role });
  return { ...user, cookie: await login(user), membershipId: membership.id };
}

describe("a person who leaves a team", () => {
  let t: Tenant;
  let admin: string;
  beforeAll(async () => {
    t = await createTenant("off-team");
    admin = await login(t.admin);
  });

  it("is taken off the team's issues assigned to them (the team stays, audited); the issue can then be resolved", async () => {
    const fay = await colleague(t, "fay");
    const team = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Payments", memberIds: [fay.id, t.member.id] })).body as { id: string };
    const id = await ingest(t, "PaymentDeclined");
    const other = await ingest(t, "PaymentTimeout"); // fay's, not as the team's: left alone
    expect((await api("PATCH", `/api/v1/errors/${id}`, fay.cookie, { assigneeId: fay.id, assigneeTeamId: team.id })).status).toBe(200);
    expect((await api("PATCH", `/api/v1/errors/${other}`, fay.cookie, { assigneeId: fay.id })).status).toBe(200);

    const edited = await api("PATCH", `/api/v1/teams/${team.id}`, admin, { memberIds: [t.member.id] });
    expect(edited.status).toBe(200);
    expect(await groupRow(id)).toMatchObject({ assigneeId: null, assigneeTeamId: team.id });
    expect(await groupRow(other)).toMatchObject({ assigneeId: fay.id });
    expect((await auditOf(id)).at(-1)).toEqual({ action: "error.updated", actorId: t.admin.id, before: { assigneeId: fay.id }, after: { assigneeId: null, reason: "left_team" } });

    const resolved = await api("PATCH", `/api/v1/errors/${id}`, fay.cookie, { status: "resolved" });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  });

  it("a status change never fails on an assignee pairing it did not touch (one broken before the repair existed)", async () => {
    const gus = await colleague(t, "gus");
    const team = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Mobile", memberIds: [gus.id] })).body as { id: string };
    const id = await ingest(t, "MobileCrash");
    expect((await api("PATCH", `/api/v1/errors/${id}`, admin, { assigneeId: gus.id, assigneeTeamId: team.id })).status).toBe(200);
    // The person left the team without the issue being repaired (data from before the repair).
    await query(`DELETE FROM "TeamMember" WHERE "teamId" = $1 AND "userId" = $2`, [team.id, gus.id]);

    const ignored = await api("PATCH", `/api/v1/errors/${id}`, admin, { status: "ignored" });
    expect(ignored.status, JSON.stringify(ignored.body)).toBe(200);
    expect(await groupRow(id)).toEqual({ assigneeId: gus.id, assigneeTeamId: team.id, status: "ignored" });
    // Setting both sides to a person outside the team is still refused.
    const both = await api("PATCH", `/api/v1/errors/${id}`, admin, { assigneeId: gus.id, assigneeTeamId: team.id });
    expect(both.status).toBe(422);
    expect(both.body.error.issues[0].path).toBe("assigneeId");
  });
});

describe("a person removed from the workspace, or leaving it", () => {
  let t: Tenant;
  let admin: string;
  beforeAll(async () => {
    t = await createTenant("off-ws");
    admin = await login(t.admin);
  });

  it("is taken off every issue of theirs, resolved and ignored ones too, each audited as the remover's; a regression comes back unassigned", async () => {
    const cat = await colleague(t, "cat");
    const team = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Web", memberIds: [cat.id] })).body as { id: string };
    const resolved = await ingest(t, "ResolvedThing");
    const ignored = await ingest(t, "IgnoredThing");
    const open = await ingest(t, "OpenThing");
    expect((await api("PATCH", `/api/v1/errors/${resolved}`, admin, { assigneeId: cat.id, assigneeTeamId: team.id, status: "resolved" })).status).toBe(200);
    expect((await api("PATCH", `/api/v1/errors/${ignored}`, admin, { assigneeId: cat.id, status: "ignored" })).status).toBe(200);
    expect((await api("PATCH", `/api/v1/errors/${open}`, admin, { assigneeId: cat.id })).status).toBe(200);

    expect((await api("DELETE", `/api/v1/memberships/${cat.membershipId}`, admin)).status).toBe(204);
    expect(await groupRow(resolved)).toEqual({ assigneeId: null, assigneeTeamId: team.id, status: "resolved" });
    expect(await groupRow(ignored)).toEqual({ assigneeId: null, assigneeTeamId: null, status: "ignored" });
    expect(await groupRow(open)).toMatchObject({ assigneeId: null });
    for (const id of [resolved, ignored, open]) {
      expect((await auditOf(id)).at(-1)).toEqual({ action: "error.updated", actorId: t.admin.id, before: { assigneeId: cat.id }, after: { assigneeId: null, reason: "member_removed" } });
    }
    // The issue's trail says so (the Activity tab), next to who had assigned it.
    const details = await api("GET", `/api/v1/errors/${resolved}`, await login(t.viewer));
    const trail = details.body.audit as { action: string; actor: { id: string } | null; after: Record<string, unknown> }[];
    expect(trail.some((a) => a.action === "error.updated" && a.actor?.id === t.admin.id && a.after.assigneeId === null && a.after.reason === "member_removed")).toBe(true);
    const [removal] = await query<{ after: Record<string, number> }>(`SELECT after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'member.removed'`, [cat.membershipId]);
    expect(removal.after).toMatchObject({ issuesUnassigned: 3 });

    // The regression: back with nobody assigned, the team it had kept.
    await ingest(t, "ResolvedThing");
    const back = await waitUntil(async () => ((await groupRow(resolved)).status === "new" ? groupRow(resolved) : null), 20_000, "the regression");
    expect(back).toEqual({ assigneeId: null, assigneeTeamId: team.id, status: "new" });
  });

  it("leaving: the leaver is the one who unassigned", async () => {
    const ida = await colleague(t, "ida");
    const id = await ingest(t, "LeaverThing");
    expect((await api("PATCH", `/api/v1/errors/${id}`, ida.cookie, { assigneeId: ida.id, status: "resolved" })).status).toBe(200);
    expect((await api("DELETE", `/api/v1/memberships/${ida.membershipId}`, ida.cookie)).status).toBe(204);
    expect(await groupRow(id)).toMatchObject({ assigneeId: null });
    expect((await auditOf(id)).at(-1)).toEqual({ action: "error.updated", actorId: ida.id, before: { assigneeId: ida.id }, after: { assigneeId: null, reason: "member_left" } });
  });

  it("someone with 10,000 issues: all unassigned and audited in one removal", { timeout: 120_000 }, async () => {
    const max = await colleague(t, "max");
    await query(
      `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "updatedAt", status, "assigneeId")
       SELECT gen_random_uuid(), $1, $2, 'many-' || i, 'ManyError', 'many ' || i, 'low', 'runtime', 'app', now(), now(), now(),
              (ARRAY['new', 'resolved', 'ignored'])[1 + i % 3]::"ErrorStatus", $3
         FROM generate_series(1, 10000) i`,
      [t.workspaceId, t.projectId, max.id],
    );
    expect((await api("DELETE", `/api/v1/memberships/${max.membershipId}`, admin)).status).toBe(204);
    const [left] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "workspaceId" = $1 AND "assigneeId" = $2`, [t.workspaceId, max.id]);
    expect(left.n).toBe(0);
    const [audited] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE "workspaceId" = $1 AND action = 'error.updated' AND before ->> 'assigneeId' = $2 AND after ->> 'reason' = 'member_removed'`,
      [t.workspaceId, max.id],
    );
    expect(audited.n).toBe(10_000);
  });
});

describe("assignment rules of a person who can no longer be assigned", () => {
  let t: Tenant;
  let admin: string;
  let team: { id: string };
  const rule = (body: unknown) => api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin, body);
  beforeAll(async () => {
    t = await createTenant("off-rules");
    admin = await login(t.admin);
    team = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Frontend", memberIds: [t.member.id] })).body;
  });

  it("removal turns the person's rules off (audited), and the next matching rule assigns", async () => {
    const bob = await colleague(t, "bob");
    const toBob = await rule({ name: "to bob", conditions: [{ field: "type", pattern: "Boom*" }], assignee: { type: "user", id: bob.id } });
    expect(toBob.status).toBe(201);
    expect((await rule({ name: "fallback team", conditions: [{ field: "type", pattern: "Boom*" }], assignee: { type: "team", id: team.id } })).status).toBe(201);

    expect((await api("DELETE", `/api/v1/memberships/${bob.membershipId}`, admin)).status).toBe(204);
    const listed = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin)).body.items as { id: string; enabled: boolean }[];
    expect(listed.find((r) => r.id === toBob.body.id)?.enabled).toBe(false);
    expect((await auditOf(toBob.body.id)).at(-1)).toEqual({ action: "assignment_rule.updated", actorId: t.admin.id, before: { enabled: true }, after: { enabled: false, reason: "member_removed" } });

    const id = await ingest(t, "BoomError");
    const row = await waitUntil(async () => (await groupRow(id)).assigneeTeamId, 20_000, "the fallback rule to assign");
    expect(row).toBe(team.id);
    expect(await groupRow(id)).toMatchObject({ assigneeId: null });

    // Turned on again it would assign to nobody: refused until it names someone who can be assigned.
    const again = await api("PATCH", `/api/v1/assignment-rules/${toBob.body.id}`, admin, { enabled: true });
    expect(again.status).toBe(422);
    expect(again.body.error.issues[0].path).toBe("assignee.id");
    expect((await api("PATCH", `/api/v1/assignment-rules/${toBob.body.id}`, admin, { enabled: true, assignee: { type: "user", id: t.member.id } })).status).toBe(200);
  });

  it("an enabled rule whose person is gone (left before rules were turned off) is passed over for the next one", async () => {
    const eve = await colleague(t, "eve");
    const toEve = await rule({ name: "to eve", conditions: [{ field: "type", pattern: "Crash*" }], assignee: { type: "user", id: eve.id } });
    expect(toEve.status).toBe(201);
    // The rule after it, by position: the fallback team for the same issues.
    expect((await rule({ name: "crash fallback", conditions: [{ field: "type", pattern: "Crash*" }], assignee: { type: "team", id: team.id } })).status).toBe(201);
    await query(`DELETE FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [eve.id, t.workspaceId]);
    const id = await ingest(t, "CrashError");
    expect(await waitUntil(async () => (await groupRow(id)).assigneeTeamId, 20_000, "the next rule to assign")).toBe(team.id);
    const tested = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules/test`, admin, { errorId: id });
    expect(tested.body.matchedRule.name).toBe("crash fallback");
  });
});

describe("viewers are no assignees", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    t = await createTenant("off-viewer");
    [admin, member] = await Promise.all([login(t.admin), login(t.member)]);
  });

  it("assigning a viewer (one issue, in bulk, by a rule) is a 422 naming the assignee", async () => {
    const id = await ingest(t, "ViewerAssign");
    const one = await api("PATCH", `/api/v1/errors/${id}`, member, { assigneeId: t.viewer.id });
    expect(one.status).toBe(422);
    expect(one.body.error.issues[0]).toMatchObject({ path: "assigneeId" });
    const bulk = await api("POST", "/api/v1/errors/bulk", member, { ids: [id], action: "assign", assigneeId: t.viewer.id });
    expect(bulk.status).toBe(422);
    expect(bulk.body.error.issues[0].path).toBe("assigneeId");
    const byRule = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin, { name: "to a viewer", conditions: [], assignee: { type: "user", id: t.viewer.id } });
    expect(byRule.status).toBe(422);
    expect(byRule.body.error.issues[0].path).toBe("assignee.id");
    expect(await groupRow(id)).toMatchObject({ assigneeId: null });
  });

  it("someone made a viewer is taken off their issues and their rules are turned off, audited", async () => {
    const hal = await colleague(t, "hal");
    const id = await ingest(t, "DemotedThing");
    expect((await api("PATCH", `/api/v1/errors/${id}`, hal.cookie, { assigneeId: hal.id, status: "resolved" })).status).toBe(200);
    const toHal = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin, { name: "to hal", conditions: [{ field: "type", pattern: "Hal*" }], assignee: { type: "user", id: hal.id } });
    expect(toHal.status).toBe(201);

    expect((await api("PATCH", `/api/v1/memberships/${hal.membershipId}`, admin, { role: "viewer" })).status).toBe(200);
    expect(await groupRow(id)).toMatchObject({ assigneeId: null, status: "resolved" });
    expect((await auditOf(id)).at(-1)).toEqual({ action: "error.updated", actorId: t.admin.id, before: { assigneeId: hal.id }, after: { assigneeId: null, reason: "became_viewer" } });
    const listed = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin)).body.items as { id: string; enabled: boolean }[];
    expect(listed.find((r) => r.id === toHal.body.id)?.enabled).toBe(false);
    const [changed] = await query<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'member.role_changed'`, [hal.membershipId]);
    expect(changed.after).toMatchObject({ role: "viewer", issuesUnassigned: 1, rulesDisabled: 1 });
  });
});
