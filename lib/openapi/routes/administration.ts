import { EraseEndUserSchema, ErasureParamsSchema } from "@/lib/endUsers/endUserSchemas";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { AcceptInvitationSchema, CreateInvitationSchema, InvitationParamsSchema, InvitationTokenParamsSchema } from "@/lib/invitations/invitationSchemas";
import { MembershipParamsSchema, UpdateMembershipSchema } from "@/lib/memberships/membershipSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { SetupSchema } from "@/lib/setup/setupSchemas";
import { CreateWorkspaceSchema, DeleteWorkspaceSchema, UpdateWorkspaceSchema } from "@/lib/workspaces/workspaceSchemas";
import { ListAuditQuerySchema } from "@/lib/audit/auditSchemas";

/** First run, workspaces, invitations, memberships and the activity log. */
export const administrationRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/setup", tag: "Administration", auth: "none",
    summary: "First run: the first admin, workspace and project, signed in; 409 once any user exists", body: SetupSchema,
    responses: { 201: "`{workspaceId, project: {id, publicId, dsn, ingestKey, …}}` and Set-Cookie (admins can reveal the key again later)" }, errors: [409, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces", tag: "Workspaces", auth: "session",
    summary: "A new workspace; the creator becomes its admin", body: CreateWorkspaceSchema,
    responses: { 201: "`{id, name, slug, role, createdAt}`" }, errors: [401, 422],
  },
  {
    method: "PATCH", path: "/api/v1/workspaces/{workspaceId}", tag: "Workspaces", auth: "session", role: "admin",
    summary: "Rename the workspace, or require two-factor sign-in of its members (audited)", params: WorkspaceParamsSchema, body: UpdateWorkspaceSchema,
    description: "With `requireTwoFactor: true`, members without two-factor sign-in get 403 `two_factor_required` on the workspace until they turn it on; the admin must have it on first (409 `two_factor_needed_first`). `requireTwoFactor: false` needs a signed-in session: an API token gets 403 `session_required` naming `requireTwoFactor` (renaming and turning it on a token may do).",
    responses: { 200: "the workspace" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/workspaces/{workspaceId}", tag: "Workspaces", auth: "signedInSession", role: "admin",
    summary: "Delete the workspace with its projects, issues, events, members, teams, rules, channels and activity; `confirm` (body or query) repeats its name",
    description:
      "In one short transaction the workspace is made unreachable: it leaves every member's workspace list and answers 404 to everyone, its projects are marked deleting and their ingest keys revoked (ingest answers as for a deleted project's key: 401, the Sentry endpoints 404), its alert rules, channels and forwarding rules are turned off and its pending invitations withdrawn (410). Answered 202 then; the `project-deletion` job deletes its rows in batches of short transactions and the workspace last (it finishes after a restart). A missing or wrong `confirm` is a 422 naming `confirm`; an API token is refused (403: deleting a workspace needs a signed-in session). Not audited in the workspace (its activity goes with it): the instance's log records it.",
    params: WorkspaceParamsSchema, query: DeleteWorkspaceSchema, body: DeleteWorkspaceSchema,
    responses: { 202: "`{id, name, slug, status: \"deleting\", deletingAt, projects, members, ingestKeysRevoked, next}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/audit", tag: "Workspaces", auth: "session", role: "viewer",
    summary: "The activity log: who changed what, newest first, paged", params: WorkspaceParamsSchema, query: ListAuditQuerySchema,
    responses: { 200: "`{items, page, pageSize, total}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/end-users/erase", tag: "Administration", auth: "session", role: "admin",
    summary: "Erase an end user's data (the right to erasure) by the user id their events carry, their email and/or their IP address; 202, run in the background (audited with hashes only)",
    params: WorkspaceParamsSchema, body: EraseEndUserSchema,
    description:
      "The erasure is recorded and audited (`end_user.erasure_requested`, with the SHA-256 of each identifier, never the identifier) and answered 202 with its id; poll `GET …/end-users/erasures/{erasureId}` until `status` is `done`. The `project-deletion` job searches the workspace's events one UTC day at a time and deletes, in every project, each event whose user id is one of theirs (the id exactly; the email or the IP address, which Sentry events without `user.id` are counted under, ignoring case) or whose message, stack, exception chain, tags or metadata name their email or IP address as a whole — with what it counted (issue counts and rollups, the per-project timeline and totals, per-user and per-agent counts, recovery outcomes, release counts, tags) and its event id, attachments, user feedback and forwarded copies; an issue left without events is deleted. Then their per-user rows go (issues' user sets, per-user rollups, `user` tag values, their pending counts), feedback sent with their email, and where their email or address is still quoted — issue titles, stacks, contexts, comments, alert titles — it becomes `[erased]`. The identifiers are dropped once done (audited `end_user.erased`). At least one identifier, or 422 naming `userId`; a malformed `email` or `ipAddress` is a 422 naming it.",
    responses: { 202: "`{id, status: \"pending\", identifiers: [{kind, sha256}], events, deleted, lastError, requestedBy, createdAt, finishedAt, next}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/end-users/erasures", tag: "Administration", auth: "session", role: "admin",
    summary: "The latest end-user erasures (50), newest first, with their status and what they deleted (identifiers as hashes only)", params: WorkspaceParamsSchema,
    responses: { 200: "`{items: [{id, status, identifiers: [{kind, sha256}], events, deleted, lastError, requestedBy, createdAt, finishedAt}]}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/end-users/erasures/{erasureId}", tag: "Administration", auth: "session", role: "admin",
    summary: "One end-user erasure's status: `pending` (`events` erased so far, `lastError` when a run failed and is retried) or `done`", params: ErasureParamsSchema,
    responses: { 200: "`{id, status, identifiers: [{kind, sha256}], events, deleted, lastError, requestedBy, createdAt, finishedAt}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/invitations", tag: "Administration", auth: "session", role: "admin",
    summary: "Pending (and expired) invitations", params: WorkspaceParamsSchema,
    responses: { 200: "the invitations" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/invitations", tag: "Administration", auth: "session", role: "admin",
    summary: "Invite by email with a role; the link is shown once", params: WorkspaceParamsSchema, body: CreateInvitationSchema,
    description: "The link is on PUBLIC_URL, else the HOST:PORT the instance listens on — never the request's Host or X-Forwarded-Host (it is emailed when SMTP_URL is set). An `admin` invitation needs a signed-in session (403 `session_required` naming `role` with an API token: a leaked token must not mint a lasting admin). At most INVITATIONS_PER_HOUR (50) invitations from one person in an hour, every workspace together (replaced and withdrawn ones count): past that, 429 `too_many_invitations` with Retry-After and `limit: \"inviter\"`.",
    responses: { 201: "`{id, email, role, url, expiresAt, emailed}`" }, errors: [401, 403, 404, 409, 422, 429],
  },
  {
    method: "DELETE", path: "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}", tag: "Administration", auth: "session", role: "admin",
    summary: "Withdraw a pending invitation", params: InvitationParamsSchema,
    responses: { 204: "withdrawn" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/invitations/{token}", tag: "Administration", auth: "none",
    summary: "Workspace, email and role of a pending invitation (the link is the credential), and whether this browser is signed in as the invitee", params: InvitationTokenParamsSchema,
    responses: { 200: "`{workspaceName, email, role, invitedBy, expiresAt, hasAccount, signedInAsInvitee}`" }, errors: [404, 410, 422],
  },
  {
    method: "POST", path: "/api/v1/invitations/{token}/accept", tag: "Administration", auth: "none",
    summary: "Join the workspace (creating the user if new) and sign in", params: InvitationTokenParamsSchema, body: AcceptInvitationSchema,
    description: "An existing account with two-factor sign-in (not already signed in as the invitee) is not joined on its password: the invitation waits on the challenge, and POST /api/v1/auth/two-factor joins it once the code is right (answering `joined`).",
    responses: { 200: "`{ok: true, workspaceId, role}` and Set-Cookie; an existing account with two-factor sign-in gets `{twoFactorRequired: true, expiresAt, workspaceId, role}` and the challenge cookie, and joins only after the code" }, errors: [401, 403, 404, 410, 422],
  },
  {
    method: "PATCH", path: "/api/v1/memberships/{id}", tag: "Administration", auth: "session", role: "admin",
    summary: "Change a member's role; the last admin cannot be demoted (409); made a viewer, they are taken off the workspace's issues and their assignment rules are turned off (audited)", params: MembershipParamsSchema, body: UpdateMembershipSchema,
    description: "Making someone admin, or an admin something else, needs a signed-in session: an API token gets 403 `session_required` naming `role` (a leaked token must not mint an admin that outlives it, nor demote the real ones). Other role changes a token may make.",
    responses: { 200: "the membership" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/memberships/{id}", tag: "Administration", auth: "session", role: "admin",
    summary: "Remove a member (admins) or leave (yourself); never the last admin (409). They are taken off every issue of the workspace (each audited) and their assignment rules are turned off", params: MembershipParamsSchema,
    description: "An admin's membership — removed, or one's own left — needs a signed-in session: an API token gets 403 `session_required` naming `id`. Members and viewers a token may remove.",
    responses: { 204: "removed" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "POST", path: "/api/v1/memberships/{id}/password-reset", tag: "Administration", auth: "signedInSession", role: "admin",
    summary: "A one-time password reset link for another member (never oneself; not with an API token)", params: MembershipParamsSchema,
    responses: { 201: "`{url, expiresAt}`" }, errors: [401, 403, 404, 422],
  },
];
