import { beforeAll, describe, expect, it } from "vitest";
import { alertsOf, waitUntil } from "@/e2e/support/alertHelpers";
import { discoverApiRoutes, readPermissionMatrix } from "@/e2e/support/permissionMatrix";
import { CALLERS, PERMISSION_REQUESTS, type Caller, type MatrixContext } from "@/e2e/support/permissionRequests";
import { BASE_URL, createTenant, createTestUser, login, postEvents, type TestUser } from "@/e2e/support/tenant";
import { createRule } from "@/lib/alerts/rules/createRule";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { createAssignmentRule } from "@/lib/assignment/createAssignmentRule";
import type { UserAuth } from "@/lib/auth/session";
import { createInvitation } from "@/lib/invitations/createInvitation";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";
import { createTeam } from "@/lib/teams/createTeam";
import { addMember } from "@/lib/workspaces/addMember";

const rows = readPermissionMatrix();
const key = (r: { method: string; route: string }) => `${r.method} ${r.route}`;

describe("docs/permissions.md", () => {
  it("has a row for every route file under app/api, and no row without one", () => {
    const documented = rows.map(key).sort();
    const routes = discoverApiRoutes();
    expect(routes.filter((r) => !documented.includes(r)), "routes missing from docs/permissions.md").toEqual([]);
    expect(documented.filter((r) => !routes.includes(r)), "rows of docs/permissions.md without a route").toEqual([]);
    expect(new Set(documented).size, "duplicate rows").toBe(documented.length);
  });

  it("has a request for every row (e2e/support/permissionRequests.ts)", () => {
    expect(rows.map(key).filter((k) => !PERMISSION_REQUESTS[k])).toEqual([]);
  });
});

describe("the permission matrix, cell by cell over HTTP", () => {
  let ctx: MatrixContext;
  const cookies: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    const t = await createTenant("matrix");
    const other = await createTenant("matrix-other");
    const target = await createTestUser(`target-${t.workspaceId.slice(-8)}@test.local`, "Matrix target");
    const membership = await addMember({ workspaceId: t.workspaceId, userId: target.id, role: "member" });
    const loginUser = await createTestUser(`login-${t.workspaceId.slice(-8)}@test.local`, "Login only");
    const adminAuth: UserAuth = { kind: "user", userId: t.admin.id, email: t.admin.email, name: "admin", memberships: [{ workspaceId: t.workspaceId, role: "admin" }] };

    // An issue and an alert on it (the built-in "critical error" rule fires on ingest).
    const res = await postEvents(t.key, { type: "MatrixCritical", message: "matrix", severity: "critical", category: "payment", release: "matrix@1.0.0" });
    const errorId = (await res.json()).accepted[0].groupId as string;
    const alert = await waitUntil(async () => (await alertsOf(t.workspaceId)).find((a) => a.errorGroupId === errorId), 10_000, "the critical alert");
    const [rule, channel, team, invitation, reset] = await Promise.all([
      createRule(adminAuth, t.workspaceId, { name: "Matrix rule", kind: "severity_count", eventSeverity: "high", alertSeverity: null, threshold: 400, windowSeconds: 300, baselineSeconds: null, minCount: 0, enabled: false, projectIds: [] }),
      createChannel(adminAuth, t.workspaceId, { name: "Matrix hook", kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/hook" } }),
      createTeam(adminAuth, t.workspaceId, { name: "Platform", memberIds: [t.member.id] }),
      createInvitation(adminAuth, t.workspaceId, { email: `pending-${t.workspaceId.slice(-8)}@test.local`, role: "member" }, BASE_URL),
      // Of a user no other cell resets (a new link withdraws the earlier ones).
      createPasswordReset({ userId: loginUser.id, createdById: null, origin: BASE_URL }),
    ]);
    const assignmentRule = await createAssignmentRule(adminAuth, t.workspaceId, { name: "Payments", conditions: [{ field: "category", pattern: "payment" }], assignee: { type: "team", id: team.id }, enabled: true });

    const users: Partial<Record<Caller, TestUser>> = { viewer: t.viewer, member: t.member, admin: t.admin, other: other.admin };
    for (const caller of ["viewer", "member", "admin", "other"] as const) cookies[caller] = await login(users[caller]!);
    ctx = {
      t,
      other,
      adminAuth,
      target: { ...target, membershipId: membership.id },
      loginUser,
      errorId,
      release: "matrix@1.0.0",
      alertId: alert.id,
      ruleId: rule.id,
      channelId: channel.id,
      teamId: team.id,
      assignmentRuleId: assignmentRule.id,
      invitationToken: invitation.url.split("/").pop()!,
      resetToken: reset.url.split("/").pop()!,
      userOf: (caller) => users[caller] ?? null,
    };
  }, 300_000);

  async function send(method: string, route: string, caller: Caller): Promise<{ status: number; text: string }> {
    const spec = await PERMISSION_REQUESTS[`${method} ${route}`](ctx, caller);
    const headers: Record<string, string> = { ...spec.headers };
    const cookie = spec.cookie !== undefined ? spec.cookie : cookies[caller];
    if (cookie) headers.cookie = cookie;
    if (caller === "ingestKey") headers["x-faultline-key"] = ctx.t.key;
    if (spec.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${BASE_URL}${spec.path}`, { method, headers, body: spec.rawBody ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body)) });
    return { status: res.status, text: (await res.text()).slice(0, 200) };
  }

  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      if (!PERMISSION_REQUESTS[key(row)]) throw new Error(`no request for ${key(row)} in e2e/support/permissionRequests.ts`);
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        const { status, text } = await send(row.method, row.route, caller);
        if (status !== row.expected[caller]) wrong.push(`${caller}: expected ${row.expected[caller]}, got ${status} ${text}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
