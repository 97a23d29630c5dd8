import { beforeAll, describe, expect, it } from "vitest";
import { api, waitUntil } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;

/** An event whose innermost frame is in `file`. */
const eventIn = (type: string, file: string, extra: Record<string, unknown> = {}) => ({
  type,
  message: `${type} happened`,
  stackTrace: [
    { function: "main", filename: "src/index.ts", absPath: "/srv/app/src/index.ts", lineno: 1, inApp: true },
    { function: "work", filename: file, absPath: `/srv/app/${file}`, lineno: 10, inApp: true },
  ],
  ...extra,
});

async function ingest(t: Tenant, event: unknown): Promise<string> {
  const res = await postEvents(t.key, event);
  expect(res.status).toBe(202);
  return (await res.json()).accepted[0].groupId;
}

async function groupRow(id: string) {
  const [row] = await query<{ assigneeId: string | null; assigneeTeamId: string | null; status: string }>(
    `SELECT "assigneeId", "assigneeTeamId", status FROM "ErrorGroup" WHERE id = $1`,
    [id],
  );
  return row;
}

describe("teams and assignment rules", () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  let viewer: string;
  let billing: { id: string };
  let search: { id: string };

  beforeAll(async () => {
    t = await createTenant("teams");
    [admin, member, viewer] = await Promise.all([login(t.admin), login(t.member), login(t.viewer)]);
    billing = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Billing", memberIds: [t.member.id] })).body;
    search = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Search", memberIds: [] })).body;
  });

  it("teams: admins manage them, members must belong to the workspace, names are unique", async () => {
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, member, { name: "Rogue" })).status).toBe(403);
    // A name taken in the workspace: the 409 of the unique constraint names the field (the workspace left out).
    const taken = await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Billing" });
    expect(taken).toEqual({ status: 409, body: { error: { code: "conflict", message: "another team has this name already", field: "name" } } });
    const renamedToTaken = await api("PATCH", `/api/v1/teams/${search.id}`, admin, { name: "Billing" });
    expect(renamedToTaken.status).toBe(409);
    expect(renamedToTaken.body.error).toMatchObject({ code: "conflict", field: "name" });
    // Ignoring case, like project names: "billing" is Billing's name too; a team may change its own name's case.
    const otherCase = await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "BILLING" });
    expect(otherCase).toEqual({ status: 409, body: { error: { code: "conflict", message: "another team has this name already", field: "name" } } });
    expect((await api("PATCH", `/api/v1/teams/${search.id}`, admin, { name: "billing" })).body.error).toMatchObject({ code: "conflict", field: "name" });
    expect((await api("PATCH", `/api/v1/teams/${search.id}`, admin, { name: "SEARCH" })).body.name).toBe("SEARCH");
    expect((await api("PATCH", `/api/v1/teams/${search.id}`, admin, { name: "Search" })).body.name).toBe("Search");
    const outsider = await createTenant("teams-out");
    const bad = await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Mixed", memberIds: [t.viewer.id, outsider.admin.id] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe("memberIds[1]");
    const list = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/teams`, viewer)).body.items as { name: string; members: { id: string }[] }[];
    expect(list.map((x) => x.name)).toEqual(["Billing", "Search"]);
    expect(list[0].members.map((m) => m.id)).toEqual([t.member.id]);
    const renamed = await api("PATCH", `/api/v1/teams/${search.id}`, admin, { memberIds: [t.admin.id, t.viewer.id] });
    expect(renamed.body.members.map((m: { id: string }) => m.id).sort()).toEqual([t.admin.id, t.viewer.id].sort());
  });

  it("rules are ordered and the first match wins when an issue is created (path glob, tag, message)", async () => {
    const rule = (body: unknown) => api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, admin, body);
    const r1 = await rule({ name: "Billing code", conditions: [{ field: "path", pattern: "src/billing/**" }], assignee: { type: "team", id: billing.id } });
    expect(r1.status).toBe(201);
    expect(r1.body.position).toBe(0);
    expect((await rule({ name: "Search by tag", conditions: [{ field: "tag", pattern: "component=search*" }], assignee: { type: "team", id: search.id } })).status).toBe(201);
    expect((await rule({ name: "Timeouts to a person", conditions: [{ field: "message", pattern: "*timed out*" }], assignee: { type: "user", id: t.member.id } })).status).toBe(201);
    const bad = await rule({ name: "Bad", conditions: [{ field: "tag", pattern: "novalue" }], assignee: { type: "team", id: billing.id } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues[0].path).toBe("conditions[0].pattern");
    expect((await rule({ name: "Viewer", conditions: [], assignee: { type: "user", id: "00000000-0000-4000-8000-000000000000" } })).body.error.issues[0].path).toBe("assignee.id");
    expect((await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, member, { name: "x", conditions: [], assignee: { type: "team", id: billing.id } })).status).toBe(403);
    expect((await rule({ name: "Catch-all", conditions: [], assignee: { type: "team", id: billing.id } })).status).toBe(201);

    // The catch-all was added last; moved first it would take everything: disabled, it takes nothing.
    let rules = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, viewer)).body.items as { id: string; name: string }[];
    expect(rules.map((r) => r.name)).toEqual(["Billing code", "Search by tag", "Timeouts to a person", "Catch-all"]);
    const moved = await api("PATCH", `/api/v1/assignment-rules/${rules[3].id}`, admin, { position: 0, enabled: false });
    expect(moved.body).toMatchObject({ position: 0, enabled: false });
    rules = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/assignment-rules`, viewer)).body.items;
    expect(rules.map((r) => r.name)).toEqual(["Catch-all", "Billing code", "Search by tag", "Timeouts to a person"]);

    const billingIssue = await ingest(t, eventIn("InvoiceError", "src/billing/invoice.ts", { tags: { component: "search-api" } }));
    const searchIssue = await ingest(t, eventIn("QueryError", "src/search/query.ts", { tags: { component: "search-api" } }));
    // One batch: the consumer judges its new issues in order, so once the second is assigned the
    // first (which no rule matches) has been judged too.
    const batch = await postEvents(t.key, { events: [{ type: "Unmatched", message: "nothing to see" }, { type: "Timeout", message: "upstream timed out after 30s" }] });
    const [nobody, timeoutIssue] = ((await batch.json()).accepted as { groupId: string }[]).map((a) => a.groupId);
    await waitUntil(async () => (await groupRow(timeoutIssue)).assigneeId, 10_000, "the timeout issue to be assigned");
    await waitUntil(async () => (await groupRow(searchIssue)).assigneeTeamId, 10_000, "the search issue to be assigned");
    await waitUntil(async () => (await groupRow(billingIssue)).assigneeTeamId, 10_000, "the billing issue to be assigned");
    expect(await groupRow(billingIssue)).toMatchObject({ assigneeTeamId: billing.id, assigneeId: null });
    expect(await groupRow(searchIssue)).toMatchObject({ assigneeTeamId: search.id, assigneeId: null });
    expect(await groupRow(timeoutIssue)).toMatchObject({ assigneeId: t.member.id, assigneeTeamId: null });
    expect(await groupRow(nobody)).toMatchObject({ assigneeId: null, assigneeTeamId: null });
    const audit = await query<{ after: { ruleName: string } }>(`SELECT after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'error.auto_assigned'`, [billingIssue]);
    expect(audit[0].after.ruleName).toBe("Billing code");
    // The issue's trail names whom a rule assigned it to (the panel writes "assigned it to …").
    const details = await api("GET", `/api/v1/errors/${timeoutIssue}`, viewer);
    const assigned = (details.body.audit as { action: string; assignee: { id: string } | null }[]).find((a) => a.action === "error.auto_assigned");
    expect(assigned?.assignee).toMatchObject({ id: t.member.id });
    // The workspace's activity names the issue and the people and teams its entries assigned.
    type Listed = { targetId: string; action: string; issue: { type: string } | null; after: Record<string, string>; names: Record<string, string> };
    const activity = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/audit?action=error.auto_assigned&pageSize=100`, viewer)).body.items as Listed[];
    const toPerson = activity.find((a) => a.targetId === timeoutIssue);
    expect(toPerson?.issue?.type).toBe("Timeout");
    expect(toPerson?.names[t.member.id]).toBeTruthy();
    expect(activity.find((a) => a.targetId === billingIssue)?.names[billing.id]).toBe("team Billing");

    // "Test against an issue": which rule, and each condition's verdict.
    const tested = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules/test`, viewer, { errorId: searchIssue });
    expect(tested.status).toBe(200);
    expect(tested.body.matchedRule.name).toBe("Search by tag");
    const verdicts = tested.body.rules as { name: string; matched: boolean; conditions: { matched: boolean }[] }[];
    expect(verdicts.find((r) => r.name === "Billing code")).toMatchObject({ matched: false, conditions: [{ matched: false }] });
    expect(verdicts.find((r) => r.name === "Catch-all")).toMatchObject({ matched: false, conditions: [] }); // disabled
    const draft = await api("POST", `/api/v1/workspaces/${t.workspaceId}/assignment-rules/test`, admin, { errorId: nobody, rule: { conditions: [{ field: "type", pattern: "unmatch*" }] } });
    expect(draft.body.draft.matched).toBe(true);
  });

  it("on regression only an unassigned issue is assigned; a person's choice is kept", async () => {
    const unassigned = await ingest(t, { type: "Flaky", message: "flaky job timed out" });
    await waitUntil(async () => (await groupRow(unassigned)).assigneeId, 10_000, "auto-assignment");
    // Resolve it and clear the assignee, then let it regress.
    expect((await api("PATCH", `/api/v1/errors/${unassigned}`, member, { status: "resolved", assigneeId: null })).status).toBe(200);
    await ingest(t, { type: "Flaky", message: "flaky job timed out" });
    await waitUntil(async () => (await groupRow(unassigned)).assigneeId, 10_000, "assignment on regression");
    expect(await groupRow(unassigned)).toMatchObject({ status: "new", assigneeId: t.member.id });

    const chosen = await ingest(t, eventIn("LedgerError", "src/billing/ledger.ts"));
    await waitUntil(async () => (await groupRow(chosen)).assigneeTeamId, 10_000, "auto-assignment");
    expect((await api("PATCH", `/api/v1/errors/${chosen}`, member, { status: "resolved", assigneeTeamId: search.id })).status).toBe(200);
    // The regression and, after it in the same batch, a new issue the rules assign: once that one is
    // assigned, the regression has been judged.
    const batch = await postEvents(t.key, { events: [eventIn("LedgerError", "src/billing/ledger.ts"), { type: "Barrier", message: "barrier timed out" }] });
    const barrier = (await batch.json()).accepted[1].groupId as string;
    await waitUntil(async () => (await groupRow(barrier)).assigneeId, 10_000, "the barrier issue to be assigned");
    expect((await groupRow(chosen)).status).toBe("new");
    const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "targetId" = $1 AND action = 'error.auto_assigned'`, [chosen]);
    expect(rows[0].n).toBe(1);
    expect((await groupRow(chosen)).assigneeTeamId).toBe(search.id);
  });

  it("list filters: assigned to me, my teams, unassigned", async () => {
    const ids = async (cookie: string, assigned: string) =>
      ((await api("GET", `/api/v1/errors?workspaceId=${t.workspaceId}&assigned=${assigned}&pageSize=100`, cookie)).body.items as { errorId: string; assigneeId: string | null; assigneeTeamId: string | null }[]);
    const mine = await ids(member, "me");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.assigneeId === t.member.id)).toBe(true);
    const teams = await ids(member, "my_teams");
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((e) => e.assigneeTeamId === billing.id)).toBe(true);
    const none = await ids(viewer, "none");
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((e) => e.assigneeId === null && e.assigneeTeamId === null)).toBe(true);
    expect((await api("GET", `/api/v1/errors?assigned=everyone`, member)).body.error.issues[0].path).toBe("assigned");
    expect((await api("GET", `/api/v1/errors?assigned=me`, null)).status).toBe(401);
  });

  it("assigning a person outside the owning team clears the team; a team from elsewhere is 422", async () => {
    const id = await ingest(t, eventIn("PayoutError", "src/billing/payout.ts"));
    await waitUntil(async () => (await groupRow(id)).assigneeTeamId, 10_000, "auto-assignment");
    const inTeam = await api("PATCH", `/api/v1/errors/${id}`, admin, { assigneeId: t.member.id });
    expect(inTeam.body).toMatchObject({ assigneeId: t.member.id, assigneeTeamId: billing.id });
    const outside = await api("PATCH", `/api/v1/errors/${id}`, admin, { assigneeId: t.admin.id });
    expect(outside.body).toMatchObject({ assigneeId: t.admin.id, assigneeTeamId: null });
    const elsewhere = await createTenant("teams-else");
    const otherTeam = (await api("POST", `/api/v1/workspaces/${elsewhere.workspaceId}/teams`, await login(elsewhere.admin), { name: "Theirs" })).body;
    expect((await api("PATCH", `/api/v1/errors/${id}`, admin, { assigneeTeamId: otherTeam.id })).body.error.issues[0].path).toBe("assigneeTeamId");
  });
});

describe("resolution metrics (time to acknowledge / resolve)", () => {
  it("mean and median by category, severity and team over the timeframe", async () => {
    const t = await createTenant("metrics");
    const admin = await login(t.admin);
    const team = (await api("POST", `/api/v1/workspaces/${t.workspaceId}/teams`, admin, { name: "Core", memberIds: [] })).body;
    const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
    // Three issues first seen 2 h, 4 h and 6 h ago.
    const a = await ingest(t, { type: "A", message: "a", category: "database", severity: "high", occurredAt: ago(2) });
    const b = await ingest(t, { type: "B", message: "b", category: "database", severity: "high", occurredAt: ago(4) });
    const c = await ingest(t, { type: "C", message: "c", category: "network", severity: "low", occurredAt: ago(6) });
    await api("PATCH", `/api/v1/errors/${a}`, admin, { status: "acknowledged", assigneeTeamId: team.id });
    await api("PATCH", `/api/v1/errors/${a}`, admin, { status: "resolved" });
    await api("PATCH", `/api/v1/errors/${b}`, admin, { status: "investigating" });
    await api("PATCH", `/api/v1/errors/${b}`, admin, { status: "resolved" });
    await api("PATCH", `/api/v1/errors/${c}`, admin, { status: "resolved" });

    const view = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=24h`, admin)).body;
    const { overall, byCategory, bySeverity, byTeam } = view.resolution;
    const near = (seconds: number | null, hours: number) => {
      expect(seconds).not.toBeNull();
      // Seconds pass between ingest and the PATCH on a busy machine: a minute of slack.
      expect(Math.abs(seconds! - hours * 3600)).toBeLessThan(60);
    };
    expect(overall.acknowledge.count).toBe(3); // resolving straight from `new` acknowledges too
    expect(overall.resolve.count).toBe(3);
    near(overall.resolve.meanSeconds, 4);
    near(overall.resolve.medianSeconds, 4);
    const db = byCategory.find((x: { key: string }) => x.key === "database");
    expect(db.resolve.count).toBe(2);
    near(db.resolve.meanSeconds, 3);
    near(bySeverity.find((x: { key: string }) => x.key === "low").resolve.medianSeconds, 6);
    const core = byTeam.find((x: { key: string }) => x.key === team.id);
    expect(core).toMatchObject({ label: "Core" });
    expect(core.resolve.count).toBe(1);
    near(core.acknowledge.meanSeconds, 2);
    expect(byTeam.find((x: { key: string }) => x.key === "none").resolve.count).toBe(2);

    // A window that holds none of it.
    const hour = (await api("GET", `/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=1h&severity=medium`, admin)).body;
    expect(hour.resolution.overall.resolve).toEqual({ count: 0, meanSeconds: null, medianSeconds: null });
  });
});
