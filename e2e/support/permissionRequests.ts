import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createApiToken } from "@/lib/apiTokens/createApiToken";
import { createSession, type UserAuth } from "@/lib/auth/session";
import { sha256Hex } from "@/lib/auth/tokens";
import { createRule } from "@/lib/alerts/rules/createRule";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { createAssignmentRule } from "@/lib/assignment/createAssignmentRule";
import { createComment } from "@/lib/errors/comments/comments";
import { unsubscribeToken } from "@/lib/notifications/unsubscribeToken";
import { keyring } from "@/lib/security/keyring";
import { createIssueLink } from "@/lib/errors/links/issueLinks";
import { listEvents } from "@/lib/errors/events/listEvents";
import { createForwardingRule } from "@/lib/forwarding/rules/createForwardingRule";
import { listErrorFingerprints } from "@/lib/grouping/merge/listErrorFingerprints";
import { mergeErrors } from "@/lib/grouping/merge/mergeErrors";
import { createInvitation } from "@/lib/invitations/createInvitation";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";
import { RECOMMENDATION_KEYS } from "@/lib/investigation/runbook";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { createProject } from "@/lib/projects/createProject";
import { createSavedSearch } from "@/lib/savedSearches/savedSearches";
import { storeSourceBundle } from "@/lib/jvmSources/storeSourceBundle";
import { storeProguardMapping } from "@/lib/proguard/storeProguardMapping";
import { storeNativeSymbols } from "@/lib/native/storeNativeSymbols";
import { writeZip } from "@/lib/sourcemaps/bundles/__fixtures__/writeZip";
import { uploadSourceMap } from "@/lib/sourcemaps/uploadSourceMap";
import { declareRelease } from "@/lib/releases/declared/declaredReleases";
import { createTeam } from "@/lib/teams/createTeam";
import { addMember } from "@/lib/workspaces/addMember";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { requestErasure } from "@/lib/endUsers/erasure/requestErasure";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId } from "@/e2e/support/envelopes";
import { minidumpUpload } from "@/e2e/support/minidumpUpload";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { buildUnrealCrash, harborReportFiles } from "@/lib/sentry/__fixtures__/buildUnrealCrash";
import { BASE_URL, createTestUser, postEvents, type Tenant, type TestUser } from "@/e2e/support/tenant";

/** The callers of docs/permissions.md, in its column order. */
export const CALLERS = ["viewer", "member", "admin", "other", "anonymous", "ingestKey"] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixContext {
  t: Tenant;
  /** The admin of another workspace (the "other workspace" column). */
  other: Tenant;
  /** t's admin as lib code sees it, to create per-cell targets without going through the API. */
  adminAuth: UserAuth;
  /** A user of t only (never a caller), whose membership and password the cells act on. */
  target: TestUser & { membershipId: string };
  /** The user whose credentials the login cells send. */
  loginUser: TestUser;
  errorId: string;
  /** The release the matrix's event carried. */
  release: string;
  alertId: string;
  ruleId: string;
  channelId: string;
  teamId: string;
  assignmentRuleId: string;
  invitationToken: string;
  resetToken: string;
  userOf(caller: Caller): TestUser | null;
}

export interface RequestSpec {
  path: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  /** A cookie to send instead of the caller's own session (e.g. a throwaway session to sign out). */
  cookie?: string | null;
}

type RequestFor = (ctx: MatrixContext, caller: Caller) => RequestSpec | Promise<RequestSpec>;

const tag = () => randomBytes(4).toString("hex");

/** The smallest source map: one source, one mapping. */
const MATRIX_SOURCE_MAP = JSON.stringify({ version: 3, sources: ["src/app.ts"], names: [], mappings: "AAAA" });
/** The smallest JVM source bundle: one source and its manifest. */
const matrixSourceBundle = () =>
  writeZip({ "manifest.json": JSON.stringify({ files: { "files/_/_/com/example/Matrix.jvm": { type: "source", url: "~/com/example/Matrix.jvm" } } }), "files/_/_/com/example/Matrix.jvm": "class Matrix\n" });
const MATRIX_PROGUARD_MAPPING = "com.example.Matrix -> a:\n    1:1:void run():10:10 -> a\n";
/** A Breakpad symbol file of its own debug ID (each DELETE cell deletes one of its own). */
const matrixSymbols = () => `MODULE Linux x86_64 ${randomUUID().replaceAll("-", "").toUpperCase()}0 matrix\nFUNC 10 10 0 run()\n10 10 3 0\n`;
const client = { address: "127.0.0.1", userAgent: "permission-matrix" };

/** A cron monitor of t (as a first check-in creates one), for the monitor routes' cells. */
async function createMonitor(ctx: MatrixContext): Promise<string> {
  const [row] = await query<{ id: string }>(
    `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment) VALUES (gen_random_uuid(), $1, $2, $3, 'production') RETURNING id`,
    [ctx.t.workspaceId, ctx.t.projectId, `matrix-${tag()}`],
  );
  return row.id;
}

/** An uptime monitor whose URL is the app's own health check (a check costs a millisecond). */
async function createUptimeMonitor(ctx: MatrixContext): Promise<string> {
  const [row] = await query<{ id: string }>(
    `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment, url, "scheduleType", "scheduleValue", "scheduleUnit", "nextExpectedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'production', $4, 'interval', '60', 'minute', now() + interval '1 hour') RETURNING id`,
    [ctx.t.workspaceId, ctx.t.projectId, `matrix-up-${tag()}`, `${BASE_URL}/api/health`],
  );
  return row.id;
}

/** A file of the matrix issue's stored event (an attachment whose event is gone is not served). */
async function createAttachment(ctx: MatrixContext): Promise<string> {
  const [row] = await query<{ id: string }>(
    `INSERT INTO "EventAttachment" (id, "workspaceId", "projectId", "eventId", filename, "contentType", "attachmentType", size, data)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'text/plain', 'event.attachment', 5, '\\x68656c6c6f'::bytea) RETURNING id`,
    [ctx.t.workspaceId, ctx.t.projectId, await eventIdOf(ctx), `app-${tag()}.log`],
  );
  return row.id;
}

/** A second session of the caller's user (never the one the matrix uses), as a cookie. */
async function throwawaySession(ctx: MatrixContext, caller: Caller): Promise<{ cookie: string | null; id: string }> {
  const user = ctx.userOf(caller) ?? ctx.t.viewer;
  const session = await createSession(user.id, client);
  const cookie = caller === "anonymous" || caller === "ingestKey" ? null : `faultline_session=${session.token}`;
  return { cookie, id: sha256Hex(session.token) };
}

/** A release declared as sentry-cli's `releases new` does, for the cells that read or change one. */
async function declaredRelease(ctx: MatrixContext): Promise<string> {
  const version = `matrix@${tag()}`;
  await declareRelease(ctx.adminAuth, ctx.t.workspaceId, { version, projects: [ctx.t.projectId] });
  return version;
}

/** An API token of the caller (of t's viewer for callers who are nobody), for the revoke cell. */
async function throwawayToken(ctx: MatrixContext, caller: Caller): Promise<string> {
  const user = ctx.userOf(caller) ?? ctx.t.viewer;
  const token = await createApiToken({ kind: "user", userId: user.id, email: user.email, name: caller, memberships: [] }, { name: `cell ${tag()}`, scope: "read" });
  return token.id;
}

async function freshMember(ctx: MatrixContext) {
  const user = await createTestUser(`cell-${tag()}@test.local`, "Cell target");
  const membership = await addMember({ workspaceId: ctx.t.workspaceId, userId: user.id, role: "viewer" });
  return { user, membershipId: membership.id };
}

/** A paused webhook forwarding rule of t's project (nothing is ever sent), for the cells that change or delete one. */
async function pausedForwardingRule(ctx: MatrixContext): Promise<string> {
  const rule = await createForwardingRule(ctx.adminAuth, ctx.t.projectId, {
    name: `Matrix forward ${tag()}`, kind: "webhook", enabled: false, severities: [], categories: [], environments: [], config: { url: "http://127.0.0.1:9/forward" },
  });
  return rule.id;
}

/** Two new issues of t's project (distinct types), for the cells that merge or split issues. */
async function twoFreshErrors(ctx: MatrixContext): Promise<[string, string]> {
  const t = tag();
  const res = await postEvents(ctx.t.key, [{ type: `MergeTarget${t}`, message: "a" }, { type: `MergeSource${t}`, message: "b" }]);
  if (res.status !== 202) throw new Error(`seeding errors: ${res.status}`);
  const { accepted } = (await res.json()) as { accepted: { groupId: string }[] };
  return [accepted[0].groupId, accepted[1].groupId];
}

/** The caller as lib code sees it when it is one of t's people (t's admin for everyone else). */
function authOf(ctx: MatrixContext, caller: Caller): UserAuth {
  const user = ctx.userOf(caller);
  if (!user || (caller !== "viewer" && caller !== "member" && caller !== "admin")) return ctx.adminAuth;
  return { kind: "user", userId: user.id, email: user.email, name: caller, memberships: [{ workspaceId: ctx.t.workspaceId, role: caller }] };
}

/** The DSN of the matrix's project, as `Sentry.showReportDialog()` passes it. */
function dsnOf(ctx: MatrixContext): string {
  return `http://${ctx.t.key}@${new URL(BASE_URL).host}/${ctx.t.projectPublicId}`;
}

/** The id of one event of the matrix's issue. */
async function eventIdOf(ctx: MatrixContext): Promise<string> {
  const page = await listEvents(ctx.adminAuth, ctx.errorId, { limit: 1 });
  if (!page.items[0]) throw new Error("the matrix issue has no event");
  return page.items[0].eventId;
}

/**
 * The request behind each row of docs/permissions.md ("METHOD /route"): a well-formed request that
 * the row's allowed callers get a 2xx for. Rows whose admin cell destroys its target create a
 * fresh one per cell. Adding a route: add its row to the doc and its request here.
 */
export const PERMISSION_REQUESTS: Record<string, RequestFor> = {
  "POST /api/:projectId/envelope": (ctx, caller) => {
    const id = newEventId();
    return {
      path: `/api/${ctx.t.projectPublicId}/envelope/${caller === "ingestKey" ? `?sentry_key=${ctx.t.key}&sentry_version=7` : ""}`,
      rawBody: new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])),
    };
  },
  "OPTIONS /api/:projectId/envelope": (ctx) => ({
    path: `/api/${ctx.t.projectPublicId}/envelope/`,
    headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
  }),
  // The key is part of the path: callers without one send a made-up key (403).
  "GET /api/:projectId/cron/:slug/:key": (ctx, caller) => ({
    path: `/api/${ctx.t.projectPublicId}/cron/matrix-job/${caller === "ingestKey" ? ctx.t.key : "not-a-key"}/?status=ok`,
  }),
  "POST /api/:projectId/cron/:slug/:key": (ctx, caller) => ({
    path: `/api/${ctx.t.projectPublicId}/cron/matrix-job/${caller === "ingestKey" ? ctx.t.key : "not-a-key"}/`,
    body: { status: "in_progress" },
  }),
  "POST /api/:projectId/store": (ctx, caller) => ({
    path: `/api/${ctx.t.projectPublicId}/store/${caller === "ingestKey" ? `?sentry_key=${ctx.t.key}&sentry_version=7` : ""}`,
    rawBody: errorEvent(newEventId()),
    headers: { "content-type": "application/json" },
  }),
  "OPTIONS /api/:projectId/store": (ctx) => ({
    path: `/api/${ctx.t.projectPublicId}/store/`,
    headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
  }),
  "POST /api/:projectId/minidump": (ctx, caller) => {
    const { body, contentType } = minidumpUpload({}, buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x1010n, modules: [{ name: "/opt/app/bin/app", base: 0x1000n, size: 0x1000 }] }));
    return {
      path: `/api/${ctx.t.projectPublicId}/minidump/${caller === "ingestKey" ? `?sentry_key=${ctx.t.key}&sentry_version=7` : ""}`,
      rawBody: new Uint8Array(body),
      headers: { "content-type": contentType },
    };
  },
  "OPTIONS /api/:projectId/minidump": (ctx) => ({
    path: `/api/${ctx.t.projectPublicId}/minidump/`,
    headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
  }),
  "POST /api/:projectId/unreal/:key": (ctx, caller) => ({
    path: `/api/${ctx.t.projectPublicId}/unreal/${caller === "ingestKey" ? ctx.t.key : "not-a-key"}/`,
    rawBody: new Uint8Array(buildUnrealCrash({ files: harborReportFiles() })),
    headers: { "content-type": "application/octet-stream" },
  }),
  "POST /api/:projectId/security": (ctx, caller) => ({
    path: `/api/${ctx.t.projectPublicId}/security/${caller === "ingestKey" ? `?sentry_key=${ctx.t.key}` : ""}`,
    rawBody: JSON.stringify({ "csp-report": { "document-uri": "https://shop.example/", "effective-directive": "img-src", "blocked-uri": "https://tracker.example/p.gif" } }),
    headers: { "content-type": "application/csp-report" },
  }),
  "OPTIONS /api/:projectId/security": (ctx) => ({
    path: `/api/${ctx.t.projectPublicId}/security/`,
    headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
  }),
  "GET /api/embed/error-page": (ctx, caller) => ({ path: `/api/embed/error-page/?eventId=${newEventId()}${caller === "ingestKey" ? `&dsn=${encodeURIComponent(dsnOf(ctx))}` : ""}` }),
  "POST /api/embed/error-page": (ctx, caller) => ({
    path: `/api/embed/error-page/?eventId=${newEventId()}${caller === "ingestKey" ? `&dsn=${encodeURIComponent(dsnOf(ctx))}` : ""}`,
    rawBody: new URLSearchParams({ name: "Matrix", email: "matrix@example.com", comments: "It broke" }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  }),
  "GET /api/health": () => ({ path: "/api/health" }),
  "GET /api/metrics": () => ({ path: "/api/metrics" }),
  "GET /api/openapi.json": () => ({ path: "/api/openapi.json" }),
  ...Object.fromEntries(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => [`${method} /api/[...path]`, () => ({ path: "/api/v1/no-such-endpoint" })])),
  "POST /api/v1/setup": () => ({
    path: "/api/v1/setup",
    body: { name: "Late", email: `late-${tag()}@test.local`, password: "long enough password", workspaceName: "W", projectName: "P" },
  }),
  // Without the caller's cookie: a login replaces the session the request came with (rotation), which
  // would sign the caller out of every later cell.
  "POST /api/v1/auth/login": (ctx) => ({ path: "/api/v1/auth/login", cookie: "", body: { email: ctx.loginUser.email, password: ctx.loginUser.password } }),
  "POST /api/v1/auth/logout": async (ctx, caller) => ({ path: "/api/v1/auth/logout", cookie: (await throwawaySession(ctx, caller)).cookie }),
  "GET /api/v1/me": () => ({ path: "/api/v1/me" }),
  "GET /api/v1/account": () => ({ path: "/api/v1/account" }),
  "GET /api/v1/account/notifications": () => ({ path: "/api/v1/account/notifications" }),
  "PATCH /api/v1/account/notifications": () => ({ path: "/api/v1/account/notifications", body: { resolved: "inbox" } }),
  "GET /api/v1/notifications": () => ({ path: "/api/v1/notifications" }),
  "POST /api/v1/notifications/read": () => ({ path: "/api/v1/notifications/read", body: { all: true } }),
  "POST /api/v1/notifications/unsubscribe": (ctx) => ({
    path: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken({ userId: ctx.t.viewer.id, weeklyReport: true }, keyring()))}`,
  }),
  "PATCH /api/v1/account": (ctx, caller) => ({ path: "/api/v1/account", body: { name: `${caller} user` } }),
  "POST /api/v1/account/password": (ctx, caller) => {
    const user = ctx.userOf(caller) ?? ctx.t.viewer;
    return { path: "/api/v1/account/password", body: { currentPassword: user.password, newPassword: user.password } };
  },
  // The challenge cookie is missing: 401 whoever asks. A code step that works is in e2e/api/twoFactor.test.ts.
  "POST /api/v1/auth/two-factor": () => ({ path: "/api/v1/auth/two-factor", cookie: "", body: { code: "123456" } }),
  // The test app has no SMTP_URL: 503 whoever asks. e2e/api/forgotPassword.test.ts runs an app that sends email.
  "POST /api/v1/auth/forgot-password": (ctx) => ({ path: "/api/v1/auth/forgot-password", body: { email: ctx.loginUser.email } }),
  // The test app has no single sign-on configured (e2e/api/oidc.test.ts runs one that has).
  "GET /api/v1/auth/oidc/start": () => ({ path: "/api/v1/auth/oidc/start?next=/" }),
  "GET /api/v1/auth/oidc/callback": () => ({ path: "/api/v1/auth/oidc/callback?code=x&state=y" }),
  "GET /api/v1/account/two-factor": () => ({ path: "/api/v1/account/two-factor" }),
  "POST /api/v1/account/two-factor/setup": (ctx, caller) => ({ path: "/api/v1/account/two-factor/setup", body: { password: (ctx.userOf(caller) ?? ctx.t.viewer).password } }),
  // The matrix's users never finish a setup, so these reach lib and answer 409 (not set up / not on).
  "POST /api/v1/account/two-factor": async (ctx, caller) => {
    await query(`DELETE FROM "TwoFactor" WHERE "userId" = $1`, [(ctx.userOf(caller) ?? ctx.t.viewer).id]);
    return { path: "/api/v1/account/two-factor", body: { code: "123456" } };
  },
  "DELETE /api/v1/account/two-factor": (ctx, caller) => ({ path: "/api/v1/account/two-factor", body: { password: (ctx.userOf(caller) ?? ctx.t.viewer).password, code: "123456" } }),
  "POST /api/v1/account/two-factor/recovery-codes": (ctx, caller) => ({ path: "/api/v1/account/two-factor/recovery-codes", body: { password: (ctx.userOf(caller) ?? ctx.t.viewer).password } }),
  "GET /api/v1/account/single-sign-on": () => ({ path: "/api/v1/account/single-sign-on" }),
  // Nobody of the matrix has an identity linked: each unlinks nothing (200 {unlinked: 0}).
  "DELETE /api/v1/account/single-sign-on": () => ({ path: "/api/v1/account/single-sign-on" }),
  "GET /api/v1/account/sessions": () => ({ path: "/api/v1/account/sessions" }),
  "DELETE /api/v1/account/sessions": () => ({ path: "/api/v1/account/sessions" }),
  "DELETE /api/v1/account/sessions/:sessionId": async (ctx, caller) => ({ path: `/api/v1/account/sessions/${(await throwawaySession(ctx, caller)).id}` }),
  "GET /api/v1/account/tokens": () => ({ path: "/api/v1/account/tokens" }),
  "POST /api/v1/account/tokens": () => ({ path: "/api/v1/account/tokens", body: { name: `matrix ${tag()}`, scope: "read" } }),
  "DELETE /api/v1/account/tokens/:tokenId": async (ctx, caller) => ({ path: `/api/v1/account/tokens/${await throwawayToken(ctx, caller)}` }),
  "POST /api/v1/events": () => ({ path: "/api/v1/events", body: { type: "MatrixEvent", message: "permission matrix" } }),
  "OPTIONS /api/v1/events": () => ({ path: "/api/v1/events", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } }),
  "POST /api/v1/executions": () => ({ path: "/api/v1/executions", body: { counts: [{ ok: 1, failed: 0 }] } }),
  "GET /api/v1/errors": (ctx) => ({ path: `/api/v1/errors?workspaceId=${ctx.t.workspaceId}` }),
  "GET /api/v1/errors/:id": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}` }),
  "PATCH /api/v1/errors/:id": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}`, body: { status: "acknowledged" } }),
  // A fresh issue each: the admin's cell deletes it.
  "DELETE /api/v1/errors/:id": async (ctx) => ({ path: `/api/v1/errors/${(await twoFreshErrors(ctx))[0]}` }),
  "POST /api/v1/errors/merge": async (ctx) => {
    const [targetId, sourceId] = await twoFreshErrors(ctx);
    return { path: "/api/v1/errors/merge", body: { targetId, sourceIds: [sourceId] } };
  },
  "POST /api/v1/errors/:id/unmerge": async (ctx) => {
    const [targetId, sourceId] = await twoFreshErrors(ctx);
    await mergeErrors(ctx.adminAuth, { targetId, sourceIds: [sourceId] });
    const merged = (await listErrorFingerprints(ctx.adminAuth, targetId)).fingerprints.find((f) => f.kind === "merged");
    if (!merged) throw new Error("the merged fingerprint is missing");
    return { path: `/api/v1/errors/${targetId}/unmerge`, body: { fingerprints: [merged.fingerprint] } };
  },
  // A fresh issue each: discarding one drops its events, which other requests may send.
  "POST /api/v1/errors/:id/discard": async (ctx) => ({ path: `/api/v1/errors/${(await twoFreshErrors(ctx))[0]}/discard` }),
  "DELETE /api/v1/errors/:id/discard": async (ctx) => ({ path: `/api/v1/errors/${(await twoFreshErrors(ctx))[0]}/discard` }),
  "GET /api/v1/errors/:id/fingerprints": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/fingerprints` }),
  "GET /api/v1/errors/:id/similar": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/similar` }),
  "GET /api/v1/errors/:id/events": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/events` }),
  "GET /api/v1/errors/:id/events/latest": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/events/latest` }),
  "GET /api/v1/errors/:id/events/oldest": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/events/oldest` }),
  "GET /api/v1/errors/:id/events/:eventId": async (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/events/${encodeURIComponent(await eventIdOf(ctx))}` }),
  "GET /api/v1/attachments/:id": async (ctx) => ({ path: `/api/v1/attachments/${await createAttachment(ctx)}` }),
  "GET /api/v1/errors/:id/events/export": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/events/export?format=json` }),
  "GET /api/v1/errors/:id/tags": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/tags` }),
  "GET /api/v1/errors/:id/activity": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/activity` }),
  "GET /api/v1/errors/:id/feedback": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/feedback` }),
  "GET /api/v1/errors/:id/comments": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/comments` }),
  "GET /api/v1/errors/:id/subscription": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/subscription` }),
  "PUT /api/v1/errors/:id/subscription": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/subscription`, body: { subscribed: true } }),
  "POST /api/v1/errors/:id/comments": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/comments`, body: { body: `Matrix comment ${tag()}` } }),
  "DELETE /api/v1/errors/:id/comments/:commentId": async (ctx) => {
    const comment = await createComment(ctx.adminAuth, ctx.errorId, { body: "The admin's comment" });
    return { path: `/api/v1/errors/${ctx.errorId}/comments/${comment.id}` };
  },
  "GET /api/v1/errors/:id/links": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/links` }),
  "POST /api/v1/errors/:id/links": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/links`, body: { url: `https://github.com/acme/shop/issues/${tag()}` } }),
  "DELETE /api/v1/errors/:id/links/:linkId": async (ctx) => {
    const link = await createIssueLink(ctx.adminAuth, ctx.errorId, { url: `https://tracker.example.com/t/${tag()}` });
    return { path: `/api/v1/errors/${ctx.errorId}/links/${link.id}` };
  },
  "GET /api/v1/errors/:id/investigation": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/investigation` }),
  "PUT /api/v1/errors/:id/investigation/checks": (ctx) => ({ path: `/api/v1/errors/${ctx.errorId}/investigation/checks`, body: { key: [...RECOMMENDATION_KEYS][0], checked: true } }),
  // By search, so another workspace's admin names the workspace (404); reopening leaves an open issue alone.
  "POST /api/v1/errors/bulk": (ctx) => ({ path: "/api/v1/errors/bulk", body: { workspaceId: ctx.t.workspaceId, query: "MatrixCritical", action: "reopen" } }),
  "GET /api/v1/errors/export": (ctx) => ({ path: `/api/v1/errors/export?format=json&workspaceId=${ctx.t.workspaceId}` }),
  "GET /api/v1/workspaces/:workspaceId/report": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/report?format=json` }),
  "GET /api/v1/workspaces/:workspaceId/releases": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/releases` }),
  // A release the matrix's event carried (an unknown one answers 404 to members too).
  "GET /api/v1/workspaces/:workspaceId/releases/:version": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/releases/${encodeURIComponent(ctx.release)}` }),
  "GET /api/v1/workspaces/:workspaceId/saved-searches": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/saved-searches` }),
  "POST /api/v1/workspaces/:workspaceId/saved-searches": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/saved-searches`, body: { name: `Matrix search ${tag()}`, query: "is:unresolved" } }),
  "DELETE /api/v1/saved-searches/:id": async (ctx, caller) => {
    const saved = await createSavedSearch(authOf(ctx, caller), ctx.t.workspaceId, { name: `Doomed search ${tag()}`, query: "level:high" });
    return { path: `/api/v1/saved-searches/${saved.id}` };
  },
  "GET /api/v1/workspaces/:workspaceId/search-values": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/search-values` }),
  "POST /api/v1/workspaces": () => ({ path: "/api/v1/workspaces", body: { name: `Matrix ${tag()}` } }),
  "PATCH /api/v1/workspaces/:workspaceId": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}`, body: { name: `Workspace of the matrix` } }),
  // A workspace of its own per cell, with t's people in their roles and t's two-factor requirement (the admin cell deletes it).
  "DELETE /api/v1/workspaces/:workspaceId": async (ctx) => {
    const workspace = await createWorkspace({ name: `Doomed workspace ${tag()}`, ownerId: ctx.t.admin.id });
    await addMember({ workspaceId: workspace.id, userId: ctx.t.viewer.id, role: "viewer" });
    await addMember({ workspaceId: workspace.id, userId: ctx.t.member.id, role: "member" });
    await query(`UPDATE "Workspace" w SET "requireTwoFactor" = t."requireTwoFactor" FROM "Workspace" t WHERE w.id = $1 AND t.id = $2`, [workspace.id, ctx.t.workspaceId]);
    return { path: `/api/v1/workspaces/${workspace.id}`, body: { confirm: workspace.name } };
  },
  "GET /api/v1/workspaces/:workspaceId/error-tracking": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/error-tracking?timeframe=24h` }),
  "GET /api/v1/workspaces/:workspaceId/members": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/members` }),
  "GET /api/v1/workspaces/:workspaceId/ingest-health": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/ingest-health` }),
  "GET /api/v1/workspaces/:workspaceId/audit": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/audit` }),
  // A user id no event carries: the admin's erasure finds nothing to erase.
  "POST /api/v1/workspaces/:workspaceId/end-users/erase": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/end-users/erase`, body: { userId: `matrix-${tag()}` } }),
  "GET /api/v1/workspaces/:workspaceId/end-users/erasures": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/end-users/erasures` }),
  "GET /api/v1/workspaces/:workspaceId/end-users/erasures/:erasureId": async (ctx) => {
    const erasure = await requestErasure(ctx.adminAuth, ctx.t.workspaceId, { userId: `matrix-${tag()}` });
    return { path: `/api/v1/workspaces/${ctx.t.workspaceId}/end-users/erasures/${erasure.id}` };
  },
  "POST /api/v1/workspaces/:workspaceId/projects": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/projects`, body: { name: `Matrix project ${tag()}`, platform: "node" } }),
  "GET /api/v1/workspaces/:workspaceId/invitations": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/invitations` }),
  "POST /api/v1/workspaces/:workspaceId/invitations": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/invitations`, body: { email: `invitee-${tag()}@test.local`, role: "viewer" } }),
  "DELETE /api/v1/workspaces/:workspaceId/invitations/:invitationId": async (ctx) => {
    const invitation = await createInvitation(ctx.adminAuth, ctx.t.workspaceId, { email: `withdrawn-${tag()}@test.local`, role: "viewer" }, BASE_URL);
    return { path: `/api/v1/workspaces/${ctx.t.workspaceId}/invitations/${invitation.id}` };
  },
  "GET /api/v1/invitations/:token": (ctx) => ({ path: `/api/v1/invitations/${ctx.invitationToken}` }),
  "POST /api/v1/invitations/:token/accept": async (ctx) => {
    const invitation = await createInvitation(ctx.adminAuth, ctx.t.workspaceId, { email: `joiner-${tag()}@test.local`, role: "viewer" }, BASE_URL);
    return { path: `/api/v1/invitations/${invitation.url.split("/").pop()}/accept`, body: { name: "Joiner", password: "a fine password" } };
  },
  "PATCH /api/v1/memberships/:id": (ctx) => ({ path: `/api/v1/memberships/${ctx.target.membershipId}`, body: { role: "viewer" } }),
  "DELETE /api/v1/memberships/:id": async (ctx) => ({ path: `/api/v1/memberships/${(await freshMember(ctx)).membershipId}` }),
  "POST /api/v1/memberships/:id/password-reset": (ctx) => ({ path: `/api/v1/memberships/${ctx.target.membershipId}/password-reset` }),
  "GET /api/v1/password-resets/:token": (ctx) => ({ path: `/api/v1/password-resets/${ctx.resetToken}` }),
  "POST /api/v1/password-resets/:token": async (ctx) => {
    const { user } = await freshMember(ctx);
    const link = await createPasswordReset({ userId: user.id, createdById: null, origin: BASE_URL });
    return { path: `/api/v1/password-resets/${link.url.split("/").pop()}`, body: { password: "another fine password" } };
  },
  "GET /api/v1/projects/:projectId": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}` }),
  "PATCH /api/v1/projects/:projectId": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}`, body: { allowedOrigins: [] } }),
  "DELETE /api/v1/projects/:projectId": async (ctx) => {
    const project = await createProject({ workspaceId: ctx.t.workspaceId, name: `Doomed ${tag()}` });
    return { path: `/api/v1/projects/${project.id}`, body: { confirmName: project.name } };
  },
  "GET /api/v1/projects/:projectId/keys": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/keys` }),
  "POST /api/v1/projects/:projectId/keys": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/keys`, body: { name: "matrix key" } }),
  "DELETE /api/v1/projects/:projectId/keys/:keyId": async (ctx) => {
    const key = await createIngestKey({ projectId: ctx.t.projectId, name: "to revoke" });
    return { path: `/api/v1/projects/${ctx.t.projectId}/keys/${key.id}` };
  },
  "GET /api/v1/projects/:projectId/keys/:keyId/dsn": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/keys/${ctx.t.keyId}/dsn` }),
  "GET /api/v1/projects/:projectId/sourcemaps": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/sourcemaps` }),
  "POST /api/v1/projects/:projectId/sourcemaps": (ctx) => ({
    path: `/api/v1/projects/${ctx.t.projectId}/sourcemaps?release=matrix%401.0.0&url=${encodeURIComponent(`~/static/${tag()}.js`)}`,
    rawBody: MATRIX_SOURCE_MAP,
  }),
  "GET /api/v1/projects/:projectId/proguard": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/proguard` }),
  "POST /api/v1/projects/:projectId/proguard": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/proguard?uuid=${randomUUID()}`, rawBody: MATRIX_PROGUARD_MAPPING }),
  "DELETE /api/v1/projects/:projectId/proguard/:uuid": async (ctx) => {
    const mapping = await storeProguardMapping([ctx.t.projectId], Buffer.from(MATRIX_PROGUARD_MAPPING), randomUUID());
    return { path: `/api/v1/projects/${ctx.t.projectId}/proguard/${mapping.uuid}` };
  },
  "GET /api/v1/projects/:projectId/source-bundles": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/source-bundles` }),
  "DELETE /api/v1/projects/:projectId/source-bundles/:debugId": async (ctx) => {
    const bundle = await storeSourceBundle(ctx.t.projectId, matrixSourceBundle(), randomUUID());
    return { path: `/api/v1/projects/${ctx.t.projectId}/source-bundles/${bundle.debugId}` };
  },
  "GET /api/v1/projects/:projectId/native-symbols": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/native-symbols` }),
  "POST /api/v1/projects/:projectId/native-symbols": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/native-symbols`, rawBody: matrixSymbols() }),
  "DELETE /api/v1/projects/:projectId/native-symbols/:debugId": async (ctx) => {
    const symbols = await storeNativeSymbols(ctx.t.projectId, Buffer.from(matrixSymbols()));
    return { path: `/api/v1/projects/${ctx.t.projectId}/native-symbols/${symbols.debugId}` };
  },
  "POST /api/0/projects/:org/:project/files/difs/assemble": (ctx) => {
    const sha1 = createHash("sha1").update(`matrix mapping ${tag()}`).digest("hex");
    return { path: `/api/0/projects/${ctx.t.workspaceId}/${ctx.t.projectId}/files/difs/assemble/`, body: { [sha1]: { name: `/proguard/${randomUUID()}.txt`, chunks: [sha1] } } };
  },
  "GET /api/0": () => ({ path: "/api/0/" }),
  "GET /api/0/organizations/:org": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/` }),
  "GET /api/0/organizations/:org/chunk-upload": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/chunk-upload/` }),
  "POST /api/0/organizations/:org/chunk-upload": (ctx) => {
    const data = `matrix chunk ${tag()}`;
    const sha1 = createHash("sha1").update(data).digest("hex");
    return {
      path: `/api/0/organizations/${ctx.t.workspaceId}/chunk-upload/`,
      rawBody: `--matrix\r\nContent-Disposition: form-data; name="file"; filename="${sha1}"\r\nContent-Type: application/octet-stream\r\n\r\n${data}\r\n--matrix--\r\n`,
      headers: { "content-type": "multipart/form-data; boundary=matrix" },
    };
  },
  "POST /api/0/organizations/:org/artifactbundle/assemble": (ctx) => {
    const sha1 = createHash("sha1").update(`matrix bundle ${tag()}`).digest("hex");
    return { path: `/api/0/organizations/${ctx.t.workspaceId}/artifactbundle/assemble/`, body: { checksum: sha1, chunks: [sha1], projects: [ctx.t.projectId] } };
  },
  "GET /api/0/organizations/:org/repos": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/repos/` }),
  "POST /api/0/organizations/:org/releases": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/releases/`, body: { version: `matrix@${tag()}`, projects: [ctx.t.projectId] } }),
  "GET /api/0/organizations/:org/releases/:version": async (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/releases/${encodeURIComponent(await declaredRelease(ctx))}/` }),
  "PUT /api/0/organizations/:org/releases/:version": async (ctx) => ({
    path: `/api/0/organizations/${ctx.t.workspaceId}/releases/${encodeURIComponent(await declaredRelease(ctx))}/`,
    body: { dateReleased: new Date().toISOString() },
  }),
  "GET /api/0/organizations/:org/releases/:version/previous-with-commits": async (ctx) => ({
    path: `/api/0/organizations/${ctx.t.workspaceId}/releases/${encodeURIComponent(await declaredRelease(ctx))}/previous-with-commits/`,
  }),
  "GET /api/0/organizations/:org/releases/:version/deploys": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/releases/matrix%401.0.0/deploys/` }),
  "POST /api/0/organizations/:org/releases/:version/deploys": (ctx) => ({ path: `/api/0/organizations/${ctx.t.workspaceId}/releases/matrix%401.0.0/deploys/`, body: { environment: "production", name: `matrix ${tag()}` } }),
  "DELETE /api/v1/projects/:projectId/sourcemaps/:sourceMapId": async (ctx) => {
    const map = await uploadSourceMap(ctx.adminAuth, ctx.t.projectId, { release: "matrix@1.0.0", url: `~/static/${tag()}.js` }, Buffer.from(MATRIX_SOURCE_MAP));
    return { path: `/api/v1/projects/${ctx.t.projectId}/sourcemaps/${map.id}` };
  },
  "GET /api/v1/projects/:projectId/releases/:version/commits": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/releases/matrix%401.0.0/commits` }),
  "PUT /api/v1/projects/:projectId/releases/:version/commits": (ctx) => ({
    path: `/api/v1/projects/${ctx.t.projectId}/releases/matrix%401.0.0/commits`,
    body: { commits: [{ sha: "4f2a9c1e0b", message: "Matrix commit", files: ["src/matrix.ts"] }] },
  }),
  "GET /api/v1/projects/:projectId/forwarding-rules": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/forwarding-rules` }),
  "POST /api/v1/projects/:projectId/forwarding-rules": (ctx) => ({
    path: `/api/v1/projects/${ctx.t.projectId}/forwarding-rules`,
    body: { name: `Forward ${tag()}`, kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/forward" } },
  }),
  "PATCH /api/v1/forwarding-rules/:id": async (ctx) => ({ path: `/api/v1/forwarding-rules/${await pausedForwardingRule(ctx)}`, body: { name: "Renamed forward" } }),
  "DELETE /api/v1/forwarding-rules/:id": async (ctx) => ({ path: `/api/v1/forwarding-rules/${await pausedForwardingRule(ctx)}` }),
  "GET /api/v1/projects/:projectId/forwarding-deliveries": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/forwarding-deliveries` }),
  "GET /api/v1/projects/:projectId/inbound-filters": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/inbound-filters` }),
  "PUT /api/v1/projects/:projectId/inbound-filters": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/inbound-filters`, body: {} }),
  "GET /api/v1/projects/:projectId/grouping-rules": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/grouping-rules` }),
  "POST /api/v1/projects/:projectId/grouping-rules": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/grouping-rules`, body: { rules: [] } }),
  "POST /api/v1/projects/:projectId/grouping-rules/preview": (ctx) => ({ path: `/api/v1/projects/${ctx.t.projectId}/grouping-rules/preview`, body: { rules: [] } }),
  "GET /api/v1/workspaces/:workspaceId/teams": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/teams` }),
  "POST /api/v1/workspaces/:workspaceId/teams": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/teams`, body: { name: `Team ${tag()}`, memberIds: [] } }),
  "PATCH /api/v1/teams/:id": (ctx) => ({ path: `/api/v1/teams/${ctx.teamId}`, body: { name: "Platform" } }),
  "DELETE /api/v1/teams/:id": async (ctx) => {
    const team = await createTeam(ctx.adminAuth, ctx.t.workspaceId, { name: `Short-lived ${tag()}`, memberIds: [] });
    return { path: `/api/v1/teams/${team.id}` };
  },
  "GET /api/v1/workspaces/:workspaceId/assignment-rules": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/assignment-rules` }),
  "POST /api/v1/workspaces/:workspaceId/assignment-rules": (ctx) => ({
    path: `/api/v1/workspaces/${ctx.t.workspaceId}/assignment-rules`,
    body: { name: `Rule ${tag()}`, conditions: [{ field: "category", pattern: "payment" }], assignee: { type: "team", id: ctx.teamId } },
  }),
  "POST /api/v1/workspaces/:workspaceId/assignment-rules/test": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/assignment-rules/test`, body: { errorId: ctx.errorId } }),
  "PATCH /api/v1/assignment-rules/:id": (ctx) => ({ path: `/api/v1/assignment-rules/${ctx.assignmentRuleId}`, body: { enabled: false } }),
  "DELETE /api/v1/assignment-rules/:id": async (ctx) => {
    const rule = await createAssignmentRule(ctx.adminAuth, ctx.t.workspaceId, { name: "Doomed rule", conditions: [], assignee: { type: "team", id: ctx.teamId }, enabled: false });
    return { path: `/api/v1/assignment-rules/${rule.id}` };
  },
  "GET /api/v1/workspaces/:workspaceId/alert-rules": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/alert-rules` }),
  "POST /api/v1/workspaces/:workspaceId/alert-rules": (ctx) => ({
    path: `/api/v1/workspaces/${ctx.t.workspaceId}/alert-rules`,
    body: { name: `Matrix rule ${tag()}`, kind: "severity_count", eventSeverity: "high", threshold: 500, windowSeconds: 300, enabled: false },
  }),
  "PATCH /api/v1/alert-rules/:id": (ctx) => ({ path: `/api/v1/alert-rules/${ctx.ruleId}`, body: { threshold: 700 } }),
  "DELETE /api/v1/alert-rules/:id": async (ctx) => {
    const rule = await createRule(ctx.adminAuth, ctx.t.workspaceId, { name: "Doomed", kind: "severity_count", eventSeverity: "low", alertSeverity: null, threshold: 900, windowSeconds: 300, baselineSeconds: null, minCount: 0, enabled: false, projectIds: [] });
    return { path: `/api/v1/alert-rules/${rule.id}` };
  },
  "GET /api/v1/workspaces/:workspaceId/alerts": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/alerts` }),
  "GET /api/v1/alerts/:id": (ctx) => ({ path: `/api/v1/alerts/${ctx.alertId}` }),
  "PATCH /api/v1/alerts/:id": (ctx) => ({ path: `/api/v1/alerts/${ctx.alertId}`, body: { status: "acknowledged" } }),
  "GET /api/v1/workspaces/:workspaceId/channels": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/channels` }),
  "POST /api/v1/workspaces/:workspaceId/channels": (ctx) => ({
    path: `/api/v1/workspaces/${ctx.t.workspaceId}/channels`,
    body: { name: `Hook ${tag()}`, kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/hook" } },
  }),
  "PATCH /api/v1/channels/:id": (ctx) => ({ path: `/api/v1/channels/${ctx.channelId}`, body: { name: "Matrix hook" } }),
  // The matrix channel's receiver refuses the connection: the admin's answer is 200 {ok: false}.
  "POST /api/v1/channels/:id/test": (ctx) => ({ path: `/api/v1/channels/${ctx.channelId}/test` }),
  "DELETE /api/v1/channels/:id": async (ctx) => {
    const channel = await createChannel(ctx.adminAuth, ctx.t.workspaceId, { name: "Doomed hook", kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/x" } });
    return { path: `/api/v1/channels/${channel.id}` };
  },
  "GET /api/v1/workspaces/:workspaceId/deliveries": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/deliveries` }),
  "GET /api/v1/workspaces/:workspaceId/feedback": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/feedback` }),
  "GET /api/v1/workspaces/:workspaceId/monitors": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/monitors` }),
  "GET /api/v1/monitors/:id/check-ins": async (ctx) => ({ path: `/api/v1/monitors/${await createMonitor(ctx)}/check-ins` }),
  "PATCH /api/v1/monitors/:id": async (ctx) => ({ path: `/api/v1/monitors/${await createMonitor(ctx)}`, body: { muted: true } }),
  "DELETE /api/v1/monitors/:id": async (ctx) => ({ path: `/api/v1/monitors/${await createMonitor(ctx)}` }),
  "POST /api/v1/workspaces/:workspaceId/monitors": (ctx) => ({
    path: `/api/v1/workspaces/${ctx.t.workspaceId}/monitors`,
    body: { projectId: ctx.t.projectId, slug: `matrix-up-${tag()}`, url: `${BASE_URL}/api/health`, intervalMinutes: 60 },
  }),
  "POST /api/v1/monitors/:id/check": async (ctx) => ({ path: `/api/v1/monitors/${await createUptimeMonitor(ctx)}/check` }),
};

/** Who sends a cell of the API-token table: a fresh admin of t (of t only), with a session or a write token of theirs. */
export interface TokenCaller {
  user: TestUser;
  /** Their admin membership of t. */
  membershipId: string;
  /** They as lib code sees them (signed in: to make what a cell acts on). */
  auth: UserAuth;
}

type TokenRequestFor = (ctx: MatrixContext, caller: TokenCaller) => RequestSpec | Promise<RequestSpec>;

/** A new user of t only, with this role: the target of a cell that changes or removes a membership. */
async function freshPerson(ctx: MatrixContext, role: "viewer" | "member" | "admin") {
  const user = await createTestUser(`cell-${role}-${tag()}@test.local`, `Cell ${role}`);
  const membership = await addMember({ workspaceId: ctx.t.workspaceId, userId: user.id, role });
  return { user, membershipId: membership.id };
}

/**
 * The request behind each row of docs/permissions.md's API-token table ("METHOD /route · request"):
 * sent once from the caller's session and once with their write token, each caller a fresh admin.
 */
export const TOKEN_REQUESTS: Record<string, TokenRequestFor> = {
  "POST /api/v1/workspaces/:workspaceId/invitations · an admin invited": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/invitations`, body: { email: `admin-${tag()}@test.local`, role: "admin" } }),
  "POST /api/v1/workspaces/:workspaceId/invitations · a member invited": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}/invitations`, body: { email: `member-${tag()}@test.local`, role: "member" } }),
  "PATCH /api/v1/memberships/:id · a member made admin": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "member")).membershipId}`, body: { role: "admin" } }),
  "PATCH /api/v1/memberships/:id · an admin made member": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "admin")).membershipId}`, body: { role: "member" } }),
  "PATCH /api/v1/memberships/:id · a member made viewer": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "member")).membershipId}`, body: { role: "viewer" } }),
  "DELETE /api/v1/memberships/:id · an admin removed": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "admin")).membershipId}` }),
  "DELETE /api/v1/memberships/:id · a member removed": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "member")).membershipId}` }),
  "DELETE /api/v1/memberships/:id · the caller, an admin, leaving": (_ctx, caller) => ({ path: `/api/v1/memberships/${caller.membershipId}` }),
  "POST /api/v1/memberships/:id/password-reset · a member's reset link": async (ctx) => ({ path: `/api/v1/memberships/${(await freshPerson(ctx, "member")).membershipId}/password-reset` }),
  "PATCH /api/v1/workspaces/:workspaceId · requireTwoFactor turned off": (ctx) => ({ path: `/api/v1/workspaces/${ctx.t.workspaceId}`, body: { requireTwoFactor: false } }),
  "PATCH /api/v1/workspaces/:workspaceId · renamed": async (ctx) => {
    const [row] = await query<{ name: string }>(`SELECT name FROM "Workspace" WHERE id = $1`, [ctx.t.workspaceId]);
    return { path: `/api/v1/workspaces/${ctx.t.workspaceId}`, body: { name: row.name } };
  },
  "DELETE /api/v1/workspaces/:workspaceId · a workspace of the caller's deleted": async (_ctx, caller) => {
    const workspace = await createWorkspace({ name: `Doomed ${tag()}`, ownerId: caller.user.id });
    return { path: `/api/v1/workspaces/${workspace.id}`, body: { confirm: workspace.name } };
  },
  "PATCH /api/v1/account · the caller's name": () => ({ path: "/api/v1/account", body: { name: "Token cell" } }),
  "POST /api/v1/account/password · the caller's password changed": (_ctx, caller) => ({ path: "/api/v1/account/password", body: { currentPassword: caller.user.password, newPassword: caller.user.password } }),
  "GET /api/v1/account/sessions · the caller's sessions": () => ({ path: "/api/v1/account/sessions" }),
  "DELETE /api/v1/account/sessions · the caller's other sessions signed out": () => ({ path: "/api/v1/account/sessions" }),
  "DELETE /api/v1/account/sessions/:sessionId · one of the caller's sessions signed out": async (_ctx, caller) => ({ path: `/api/v1/account/sessions/${sha256Hex((await createSession(caller.user.id, client)).token)}` }),
  "GET /api/v1/account/tokens · the caller's tokens": () => ({ path: "/api/v1/account/tokens" }),
  "POST /api/v1/account/tokens · a token made": () => ({ path: "/api/v1/account/tokens", body: { name: `cell ${tag()}`, scope: "read" } }),
  "DELETE /api/v1/account/tokens/:tokenId · one of the caller's tokens revoked": async (_ctx, caller) => ({ path: `/api/v1/account/tokens/${(await createApiToken(caller.auth, { name: `cell ${tag()}`, scope: "read" })).id}` }),
  "GET /api/v1/account/two-factor · the caller's two-factor sign-in": () => ({ path: "/api/v1/account/two-factor" }),
  "POST /api/v1/account/two-factor/setup · its setup begun": (_ctx, caller) => ({ path: "/api/v1/account/two-factor/setup", body: { password: caller.user.password } }),
  "POST /api/v1/account/two-factor · turned on (no setup begun: 409)": () => ({ path: "/api/v1/account/two-factor", body: { code: "123456" } }),
  "DELETE /api/v1/account/two-factor · turned off (not on: 409)": (_ctx, caller) => ({ path: "/api/v1/account/two-factor", body: { password: caller.user.password, code: "123456" } }),
  "POST /api/v1/account/two-factor/recovery-codes · new recovery codes (not on: 409)": (_ctx, caller) => ({ path: "/api/v1/account/two-factor/recovery-codes", body: { password: caller.user.password } }),
  "GET /api/v1/account/single-sign-on · the caller's linked identities": () => ({ path: "/api/v1/account/single-sign-on" }),
  "DELETE /api/v1/account/single-sign-on · unlinked": () => ({ path: "/api/v1/account/single-sign-on" }),
};
