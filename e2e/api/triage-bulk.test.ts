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

  it("refuses viewers, other workspaces' ids, bad input and (for now) merge", async () => {
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
    expect((await bulk(member, { ids: ids.slice(0, 2), action: "merge" })).status).toBe(501);
  });
});
