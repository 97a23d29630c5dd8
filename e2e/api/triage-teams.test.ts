import { beforeAll, describe, expect, it } from "vitest";
import { api, waitUntil } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

/** The search syntax's assignment terms and the teams branch's list parameters over the same issues. */
describe("assignment in the search syntax, the list parameters and bulk changes", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  let teamId: string;
  const issue: Record<"person" | "team" | "both" | "nobody" | "other", string> = { person: "", team: "", both: "", nobody: "", other: "" };

  const ingest = async (type: string, extra: Record<string, unknown> = {}) => {
    const res = await postEvents(t.key, { type, message: `${type} happened`, severity: "high", ...extra });
    expect(res.status).toBe(202);
    return (await res.json()).accepted[0].groupId as string;
  };
  const listed = async (params: string, cookie = member): Promise<string[]> => {
    const res = await api("GET", `/api/v1/errors?workspaceId=${t.workspaceId}&pageSize=100&${params}`, cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as { errorId: string }[]).map((i) => i.errorId).sort();
  };
  const searched = (q: string, cookie = member) => listed(`query=${encodeURIComponent(q)}`, cookie);
  const ids = (...keys: (keyof typeof issue)[]) => keys.map((k) => issue[k]).sort();

  beforeAll(async () => {
    t = await createTenant("triage-teams");
    [admin, member] = await Promise.all([login(t.admin), login(t.member)]);
    const team = await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Web Platform", memberIds: [t.member.id] });
    expect(team.status).toBe(201);
    teamId = team.body.id;
    for (const key of Object.keys(issue) as (keyof typeof issue)[]) issue[key] = await ingest(`Assigned${key}`);
    const patch = (id: string, body: unknown) => api("PATCH", `/api/v1/errors/${id}`, admin, body);
    expect((await patch(issue.person, { assigneeId: t.member.id })).status).toBe(200);
    expect((await patch(issue.team, { assigneeTeamId: teamId })).status).toBe(200);
    expect((await patch(issue.both, { assigneeTeamId: teamId, assigneeId: t.member.id })).status).toBe(200);
    expect((await patch(issue.other, { assigneeId: t.admin.id })).status).toBe(200);
  }, 120_000);

  it("assigned:me / my_teams / none select what assigned=me / my_teams / none select", async () => {
    expect(await searched("assigned:me")).toEqual(ids("person", "both"));
    expect(await listed("assigned=me")).toEqual(ids("person", "both"));
    expect(await searched("assigned:my_teams")).toEqual(ids("team", "both"));
    expect(await listed("assigned=my_teams")).toEqual(ids("team", "both"));
    expect(await searched("assigned:none")).toEqual(ids("nobody"));
    expect(await searched("is:unassigned")).toEqual(ids("nobody"));
    expect(await listed("assigned=none")).toEqual(ids("nobody"));
    expect(await searched("is:assigned")).toEqual(ids("person", "team", "both", "other"));
  });

  it("a member and a team: assigneeId / teamId and assigned:<email> / assigned:#<team>", async () => {
    expect(await searched(`assigned:${t.member.email}`)).toEqual(ids("person", "both"));
    expect(await listed(`assigneeId=${t.member.id}`)).toEqual(ids("person", "both"));
    expect(await searched('assigned:"#web platform"')).toEqual(ids("team", "both"));
    expect(await searched(`assigned:#${teamId}`)).toEqual(ids("team", "both"));
    expect(await listed(`teamId=${teamId}`)).toEqual(ids("team", "both"));
    // Negated: issues without that team, unassigned ones included.
    expect(await searched('!assigned:"#Web Platform"')).toEqual(ids("person", "nobody", "other"));
    // Parameters and the search are ANDed.
    expect(await listed(`teamId=${teamId}&query=${encodeURIComponent("assigned:me")}`)).toEqual(ids("both"));
    const unknown = await api("GET", `/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("assigned:#nope")}`, member);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0].path).toBe("query");
  });

  it("list rows carry the team", async () => {
    const res = await api("GET", `/api/v1/errors?workspaceId=${t.workspaceId}&teamId=${teamId}`, member);
    expect(res.body.items.map((i: { assigneeTeam: unknown }) => i.assigneeTeam)).toEqual([{ id: teamId, name: "Web Platform" }, { id: teamId, name: "Web Platform" }]);
  });

  it("bulk: assigning someone outside the owning team clears the team; leaving new stamps acknowledgedAt", async () => {
    const res = await api("POST", "/api/v1/errors/bulk", member, { ids: [issue.team], action: "assign", assigneeId: t.admin.id });
    expect(res.body).toMatchObject({ changed: 1 });
    const [row] = await query<{ assigneeId: string | null; assigneeTeamId: string | null }>(`SELECT "assigneeId", "assigneeTeamId" FROM "ErrorGroup" WHERE id = $1`, [issue.team]);
    expect(row).toEqual({ assigneeId: t.admin.id, assigneeTeamId: null });
    // A bulk selection by assignee uses the search; assigneeId in a bulk body is the assignee to set.
    const byTeam = await api("POST", "/api/v1/errors/bulk", member, { workspaceId: t.workspaceId, query: 'assigned:"#Web Platform"', action: "resolve" });
    expect(byTeam.body).toMatchObject({ matched: 1, changed: 1 });
    const [both] = await query<{ status: string; acknowledgedAt: Date | null; assigneeTeamId: string | null }>(`SELECT status::text, "acknowledgedAt", "assigneeTeamId" FROM "ErrorGroup" WHERE id = $1`, [issue.both]);
    expect(both).toMatchObject({ status: "resolved", assigneeTeamId: teamId });
    expect(both.acknowledgedAt).not.toBeNull();
  });

  it("a regression in a newer release (resolved in the next release) goes through the assignment rules", async () => {
    const rule = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin, {
      name: "Checkout to web", conditions: [{ field: "type", pattern: "CheckoutRegression*" }], assignee: { type: "team", id: teamId },
    });
    expect(rule.status).toBe(201);
    const id = await ingest("CheckoutRegressionA", { release: "shop@2.0.0" });
    await waitUntil(async () => (await query<{ a: string | null }>(`SELECT "assigneeTeamId" AS a FROM "ErrorGroup" WHERE id = $1`, [id]))[0].a, 20_000, "assignment of the new issue");
    expect((await api("PATCH", `/api/v1/errors/${id}`, admin, { status: "resolved", assigneeTeamId: null, statusDetails: { inNextRelease: true } })).status).toBe(200);
    await ingest("CheckoutRegressionA", { release: "shop@2.1.0" });
    const row = await waitUntil(
      async () => (await query<{ status: string; a: string | null }>(`SELECT status::text, "assigneeTeamId" AS a FROM "ErrorGroup" WHERE id = $1`, [id])).find((r) => r.status === "new" && r.a),
      20_000,
      "the regression to be reopened and assigned",
    );
    expect(row.a).toBe(teamId);
    const audit = await query<{ after: { regression: boolean } }>(`SELECT after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'error.auto_assigned' ORDER BY at`, [id]);
    expect(audit.map((a) => a.after.regression)).toEqual([false, true]);
  });
});
