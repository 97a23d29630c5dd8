import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

function bulk(cookie: string, body: unknown, accept = "application/json") {
  return fetch(`${BASE_URL}/api/v1/errors/bulk`, { method: "POST", headers: { "content-type": "application/json", cookie, accept }, body: JSON.stringify(body) });
}

describe("POST /api/v1/errors/bulk", () => {
  let t: Tenant;
  let member: string;
  let ids: string[];

  beforeAll(async () => {
    t = await createTenant("bulk");
    member = await login(t.member);
    const events = Array.from({ length: 60 }, (_, i) => ({ type: `BulkError${String(i).padStart(2, "0")}`, message: i < 30 ? "batch job failed" : "import failed", severity: i % 2 ? "high" : "low", environment: "production" }));
    const res = await postEvents(t.key, { events });
    expect(res.status).toBe(202);
    ids = [...new Set(((await res.json()).accepted as { groupId: string }[]).map((a) => a.groupId))];
    expect(ids).toHaveLength(60);
  });

  it("resolves 50 selected issues in one request, one audit entry each", async () => {
    const res = await bulk(member, { ids: ids.slice(0, 50), action: "resolve" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ action: "resolve", matched: 50, changed: 50, notFound: [] });
    const rows = await query<{ status: string; n: string }>(`SELECT status::text, count(*) AS n FROM "ErrorGroup" WHERE "workspaceId" = $1 GROUP BY 1`, [t.workspaceId]);
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({ resolved: 50, new: 10 });
    const audit = await query<{ n: string }>(`SELECT count(*) AS n FROM "AuditLog" WHERE "workspaceId" = $1 AND action = 'error.resolved' AND "actorId" = $2`, [t.workspaceId, t.member.id]);
    expect(Number(audit[0].n)).toBe(50);
    const resolvedBy = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorGroup" WHERE "workspaceId" = $1 AND "resolvedById" = $2 AND "resolvedAt" IS NOT NULL`, [t.workspaceId, t.member.id]);
    expect(Number(resolvedBy[0].n)).toBe(50);
    // Again: nothing changes, nothing more is audited.
    expect(await (await bulk(member, { ids: ids.slice(0, 50), action: "resolve" })).json()).toMatchObject({ matched: 50, changed: 0 });
  });

  it("selects all matching a search, streams progress, and reopens them", async () => {
    const res = await bulk(member, { workspaceId: t.workspaceId, query: '"batch job" is:resolved', action: "reopen" }, "application/x-ndjson");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.at(-1)).toEqual({ result: { action: "reopen", matched: 30, changed: 30, notFound: [] } });
    expect(lines.filter((l) => l.progress).at(-1)).toEqual({ progress: { done: 30, total: 30 } });
    const open = await (await getJson(`/api/v1/errors?workspaceId=${t.workspaceId}&query=${encodeURIComponent("is:unresolved")}`, { cookie: member })).json();
    expect(open.total).toBe(40);
  });

  it("ignores with a condition and assigns, audited with what was asked", async () => {
    const target = ids.slice(50, 55);
    expect(await (await bulk(member, { ids: target, action: "ignore", statusDetails: { ignoreCount: 3 } })).json()).toMatchObject({ changed: 5 });
    const rows = await query<{ status: string; ignoreUntilEvents: number }>(`SELECT status::text, "ignoreUntilEvents" FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [target]);
    expect(rows.every((r) => r.status === "ignored" && r.ignoreUntilEvents === 4)).toBe(true);
    expect(await (await bulk(member, { ids: target, action: "assign", assigneeId: t.admin.id })).json()).toMatchObject({ changed: 5 });
    const detail = await (await getJson(`/api/v1/errors/${target[0]}`, { cookie: member })).json();
    expect(detail.assigneeId).toBe(t.admin.id);
    expect(detail.statusDetails).toMatchObject({ ignoreUntilEvents: 4 });
    const actions = detail.audit.map((a: { action: string; after: Record<string, unknown> }) => [a.action, a.after]);
    expect(actions).toContainEqual(["error.ignored", { status: "ignored", statusDetails: { ignoreCount: 3 } }]);
    expect(actions).toContainEqual(["error.updated", { assigneeId: t.admin.id }]);
  });

  it("assigns a team: the person stays when in the team, else is cleared; audited per issue", async () => {
    const admin = await login(t.admin);
    const team = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/teams`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin },
      body: JSON.stringify({ name: "Bulk Team", memberIds: [t.member.id] }),
    });
    expect(team.status).toBe(201);
    const teamId = (await team.json()).id as string;
    const [inTeam, notInTeam, unassigned] = ids.slice(55, 58);
    expect((await bulk(member, { ids: [inTeam], action: "assign", assigneeId: t.member.id })).status).toBe(200);
    expect((await bulk(member, { ids: [notInTeam], action: "assign", assigneeId: t.admin.id })).status).toBe(200);

    expect(await (await bulk(member, { ids: [inTeam, notInTeam, unassigned], action: "assign", assigneeTeamId: teamId })).json()).toMatchObject({ matched: 3, changed: 3 });
    const rows = await query<{ id: string; assigneeId: string | null; assigneeTeamId: string | null }>(`SELECT id::text, "assigneeId"::text, "assigneeTeamId"::text FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [[inTeam, notInTeam, unassigned]]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(inTeam)).toMatchObject({ assigneeId: t.member.id, assigneeTeamId: teamId });
    expect(byId.get(notInTeam)).toMatchObject({ assigneeId: null, assigneeTeamId: teamId });
    expect(byId.get(unassigned)).toMatchObject({ assigneeId: null, assigneeTeamId: teamId });
    const audit = await query<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditLog" WHERE "targetId" = $1 ORDER BY at DESC LIMIT 1`, [notInTeam]);
    expect(audit[0].after).toEqual({ assigneeId: null, assigneeTeamId: teamId });
    // Both at once must fit together; a team of another workspace is refused.
    const both = await bulk(member, { ids: [unassigned], action: "assign", assigneeTeamId: teamId, assigneeId: t.admin.id });
    expect(both.status).toBe(422);
    expect((await both.json()).error.issues.map((i: { path: string }) => i.path)).toContain("assigneeId");
    const foreignTeam = await bulk(member, { ids: [unassigned], action: "assign", assigneeTeamId: "00000000-0000-4000-8000-000000000000" });
    expect(foreignTeam.status).toBe(422);
    // Unassigning the team keeps the person.
    expect(await (await bulk(member, { ids: [inTeam], action: "assign", assigneeTeamId: null })).json()).toMatchObject({ changed: 1 });
    expect((await query<{ assigneeId: string | null }>(`SELECT "assigneeId"::text FROM "ErrorGroup" WHERE id = $1`, [inTeam]))[0].assigneeId).toBe(t.member.id);
  });

  it("merges selected issues into the one with the most events (ids only, one project)", async () => {
    const res = await postEvents(t.key, {
      events: [
        ...Array.from({ length: 3 }, () => ({ type: "MergeBig", message: "cache miss storm", severity: "medium" })),
        { type: "MergeSmallA", message: "cache miss storm", severity: "medium" },
        { type: "MergeSmallB", message: "cache miss storm", severity: "medium" },
      ],
    });
    expect(res.status).toBe(202);
    const accepted = (await res.json()).accepted as { groupId: string }[];
    const big = accepted[0].groupId;
    const picked = [...new Set(accepted.map((a) => a.groupId))];
    expect(picked).toHaveLength(3);
    const merged = await bulk(member, { ids: [...picked].reverse(), action: "merge" });
    expect(merged.status).toBe(200);
    expect(await merged.json()).toEqual({ action: "merge", matched: 3, changed: 2, notFound: [], targetId: big });
    const left = await query<{ id: string; occurrenceCount: number }>(`SELECT id::text, "occurrenceCount" FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [picked]);
    expect(left).toEqual([{ id: big, occurrenceCount: 5 }]);
    const target = await bulk(member, { ids: ids.slice(58, 60), action: "merge", targetId: ids[0] });
    expect(target.status).toBe(422);
    expect((await target.json()).error.issues.map((i: { path: string }) => i.path)).toContain("targetId");
    const byQuery = await bulk(member, { workspaceId: t.workspaceId, query: "MergeBig", action: "merge" });
    expect(byQuery.status).toBe(422);
    expect((await byQuery.json()).error.issues.map((i: { path: string }) => i.path)).toContain("ids");
  });

  it("refuses viewers, other workspaces' ids and bad input", async () => {
    const viewer = await login(t.viewer);
    expect((await bulk(viewer, { ids: ids.slice(0, 2), action: "resolve" })).status).toBe(403);
    const other = await createTenant("bulk-other");
    const otherCookie = await login(other.admin);
    const foreign = await bulk(otherCookie, { ids: ids.slice(0, 2), action: "resolve" });
    expect(await foreign.json()).toEqual({ action: "resolve", matched: 0, changed: 0, notFound: ids.slice(0, 2) });
    expect((await bulk(otherCookie, { workspaceId: t.workspaceId, query: "", action: "resolve" })).status).toBe(404);

    const bad = [
      [{ action: "resolve" }, "ids"],
      [{ ids: ["not-a-uuid"], action: "resolve" }, "ids[0]"],
      [{ ids: ids.slice(0, 1), action: "explode" }, "action"],
      [{ ids: ids.slice(0, 1), action: "assign" }, "assigneeId"],
      [{ ids: ids.slice(0, 1), action: "resolve", statusDetails: { ignoreCount: 3 } }, "statusDetails"],
      [{ workspaceId: t.workspaceId, query: "is:nonsense", action: "resolve" }, "query"],
    ] as const;
    for (const [body, path] of bad) {
      const res = await bulk(member, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await bulk(member, { ids: ids.slice(0, 1), action: "assign", assigneeId: other.admin.id })).status).toBe(422);
    expect((await bulk(member, { ids: ids.slice(0, 1), action: "merge" })).status).toBe(422);
    expect((await bulk(otherCookie, { ids: ids.slice(0, 2), action: "merge" })).status).toBe(404);
  });
});
