import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { alertsOf, waitUntil } from "@/e2e/support/alertHelpers";
import { discoverApiRoutes, readPermissionMatrix, readTokenMatrix, tokenRowKey, type MatrixRow, type TokenRow } from "@/e2e/support/permissionMatrix";
import { query } from "@/e2e/support/dbCounts";
import { CALLERS, PERMISSION_REQUESTS, TOKEN_REQUESTS, type Caller, type MatrixContext, type TokenCaller } from "@/e2e/support/permissionRequests";
import { BASE_URL, createTenant, createTestUser, login, postEvents, type TestUser } from "@/e2e/support/tenant";
import { createApiToken } from "@/lib/apiTokens/createApiToken";
import { createSession } from "@/lib/auth/session";
import { createRule } from "@/lib/alerts/rules/createRule";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { createAssignmentRule } from "@/lib/assignment/createAssignmentRule";
import type { UserAuth } from "@/lib/auth/session";
import { createInvitation } from "@/lib/invitations/createInvitation";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";
import { createTeam } from "@/lib/teams/createTeam";
import { addMember } from "@/lib/workspaces/addMember";
import type { OpenApiDocument } from "@/lib/openapi/buildOpenApiDocument";

const rows = readPermissionMatrix();
const tokenRows = readTokenMatrix();
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

  it("has an API-token table of existing routes, each row with its request and no request without a row", () => {
    expect(tokenRows.length).toBeGreaterThan(20);
    const routes = discoverApiRoutes();
    expect(tokenRows.filter((r) => !routes.includes(key(r))).map(tokenRowKey), "rows naming no route").toEqual([]);
    expect(tokenRows.map(tokenRowKey).filter((k) => !TOKEN_REQUESTS[k]), "rows without a request").toEqual([]);
    expect(Object.keys(TOKEN_REQUESTS).filter((k) => !tokenRows.some((r) => tokenRowKey(r) === k)), "requests without a row").toEqual([]);
  });
});

/** Everything the cells act on, in a fresh tenant (and the callers' sign-ins). */
async function seedMatrix(label: string, options: { requireTwoFactor?: boolean } = {}): Promise<{ ctx: MatrixContext; cookies: Partial<Record<Caller, string>> }> {
  const t = await createTenant(label);
  const other = await createTenant(`${label}-other`);
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
  // The cells' targets are made through lib code as t's admin, which the requirement does not stop.
  if (options.requireTwoFactor) await query(`UPDATE "Workspace" SET "requireTwoFactor" = true WHERE id = $1`, [t.workspaceId]);

  const users: Partial<Record<Caller, TestUser>> = { viewer: t.viewer, member: t.member, admin: t.admin, other: other.admin };
  const cookies: Partial<Record<Caller, string>> = {};
  for (const caller of ["viewer", "member", "admin", "other"] as const) cookies[caller] = await login(users[caller]!);
  const ctx: MatrixContext = {
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
  return { ctx, cookies };
}

/**
 * What a member of the workspace gets while it requires two-factor sign-in they have not turned on:
 * where the workspace's admin gets an answer and another workspace's admin a 404 (the route is about
 * something in the workspace), 403 two_factor_required, never a 404; elsewhere (their account, public
 * routes, ingest) what another workspace's admin gets.
 */
function expectedOfTwoFactorBlocked(row: MatrixRow): { status: number; code?: string } {
  if (row.expected.other === 404 && row.expected.admin !== 404) return { status: 403, code: "two_factor_required" };
  return { status: row.expected.other };
}

/** The served OpenAPI document's 403 of a matrix row ("" when it declares none, null when the document has no such operation). */
function documented403(doc: OpenApiDocument, row: MatrixRow): string | null {
  const path = row.route.replace(/:(\w+)/g, "{$1}");
  // The document writes the ingest doors with their trailing slash, as Sentry's SDKs call them.
  const op = (doc.paths[path] ?? doc.paths[`${path}/`])?.[row.method.toLowerCase()];
  return op ? (op.responses["403"]?.description ?? "") : null;
}

describe("the permission matrix, cell by cell over HTTP", () => {
  let ctx: MatrixContext;
  let cookies: Partial<Record<Caller, string>> = {};
  // The same requests in a tenant whose workspace requires two-factor sign-in, sent by its member (who has not turned it on).
  let blocked: { ctx: MatrixContext; cookies: Partial<Record<Caller, string>> };
  // A read API token of t's admin, and the document its refusals are compared with.
  let readToken: string;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    ({ ctx, cookies } = await seedMatrix("matrix"));
    blocked = await seedMatrix("matrix-2fa", { requireTwoFactor: true });
    readToken = (await createApiToken(ctx.adminAuth, { name: "matrix read", scope: "read" })).token;
    doc = (await (await fetch(`${BASE_URL}/api/openapi.json`)).json()) as OpenApiDocument;
  }, 300_000);

  async function send(method: string, route: string, caller: Caller, on = { ctx, cookies }, token?: string): Promise<{ status: number; text: string }> {
    const spec = await PERMISSION_REQUESTS[`${method} ${route}`](on.ctx, caller);
    const headers: Record<string, string> = { ...spec.headers };
    const cookie = spec.cookie !== undefined ? spec.cookie : on.cookies[caller];
    if (token) headers.authorization = `Bearer ${token}`;
    else if (cookie) headers.cookie = cookie;
    if (caller === "ingestKey") headers["x-faultline-key"] = on.ctx.t.key;
    if (spec.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${BASE_URL}${spec.path}`, { method, headers, body: spec.rawBody ?? (spec.body === undefined ? undefined : JSON.stringify(spec.body)) });
    return { status: res.status, text: (await res.text()).slice(0, 200) };
  }

  it("has an operation of the OpenAPI document for every row but the catch-all (each row's 403s are compared with it)", () => {
    expect(rows.filter((row) => documented403(doc, row) === null).map(key)).toEqual(rows.filter((row) => row.route === "/api/[...path]").map(key));
  });

  /** A new admin of t (of t only): each cell of the API-token table has its own. */
  async function freshAdmin(): Promise<TokenCaller> {
    const user = await createTestUser(`token-cell-${randomBytes(4).toString("hex")}@test.local`, "Token cell");
    const membership = await addMember({ workspaceId: ctx.t.workspaceId, userId: user.id, role: "admin" });
    return { user, membershipId: membership.id, auth: { kind: "user", userId: user.id, email: user.email, name: "Token cell", memberships: [{ workspaceId: ctx.t.workspaceId, role: "admin" }] } };
  }

  /** A row of the API-token table sent by a fresh admin, from a session or with a write token of theirs (no cookie). */
  async function sendAs(row: TokenRow, how: "session" | "token"): Promise<{ status: number; body: string }> {
    const caller = await freshAdmin();
    const credential: Record<string, string> =
      how === "session"
        ? { cookie: `faultline_session=${(await createSession(caller.user.id, { address: "127.0.0.1", userAgent: "permission-matrix" })).token}` }
        : { authorization: `Bearer ${(await createApiToken(caller.auth, { name: "token cell", scope: "write" })).token}` };
    const spec = await TOKEN_REQUESTS[tokenRowKey(row)](ctx, caller);
    const headers: Record<string, string> = { ...spec.headers, ...credential, ...(spec.body !== undefined && { "content-type": "application/json" }) };
    const res = await fetch(`${BASE_URL}${spec.path}`, { method: row.method, headers, body: spec.body === undefined ? undefined : JSON.stringify(spec.body) });
    return { status: res.status, body: await res.text() };
  }

  for (const row of tokenRows) {
    it(`with an API token: ${tokenRowKey(row)}`, async () => {
      if (!TOKEN_REQUESTS[tokenRowKey(row)]) throw new Error(`no request for ${tokenRowKey(row)} in TOKEN_REQUESTS`);
      const [session, token] = [await sendAs(row, "session"), await sendAs(row, "token")];
      expect({ session: session.status, token: token.status }, `session: ${session.body.slice(0, 300)}\ntoken: ${token.body.slice(0, 300)}`).toEqual({ session: row.session, token: row.token });
      // A refusal of the token says a signed-in session would do, not that the role is too low.
      if (row.token === 403) expect(JSON.parse(token.body).error.code).toBe("session_required");
    });
  }

  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      if (!PERMISSION_REQUESTS[key(row)]) throw new Error(`no request for ${key(row)} in e2e/support/permissionRequests.ts`);
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        const { status, text } = await send(row.method, row.route, caller);
        if (status !== row.expected[caller]) wrong.push(`${caller}: expected ${row.expected[caller]}, got ${status} ${text}`);
      }
      const expected = expectedOfTwoFactorBlocked(row);
      const { status, text } = await send(row.method, row.route, "member", blocked);
      // The error's code comes first in its body (the 200 characters kept hold it).
      if (status !== expected.status || (expected.code && !text.includes(`"code":"${expected.code}"`))) {
        wrong.push(`member kept out by two-factor: expected ${expected.status}${expected.code ? ` ${expected.code}` : ""}, got ${status} ${text}`);
      }
      // The OpenAPI document lists the 403s the server sends (and no refusal it does not send).
      const declared = documented403(doc, row);
      if (declared !== null) {
        if (text.includes('"code":"two_factor_required"') !== declared.includes("two_factor_required")) {
          wrong.push(`openapi.json: 403 "${declared}" for a member kept out by two-factor, who got ${status} ${text}`);
        }
        const byToken = await send(row.method, row.route, "admin", { ctx, cookies }, readToken);
        if (byToken.text.includes("this API token is read-only") !== declared.includes("read-only")) {
          wrong.push(`openapi.json: 403 "${declared}" for the admin's read API token, which got ${byToken.status} ${byToken.text}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
