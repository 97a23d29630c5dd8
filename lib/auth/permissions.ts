import type { AuthContext } from "@/lib/auth/AuthContext";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/ApiError";

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2 };

/** The higher of two roles (viewer < member < admin). */
export function higherRole(a: Role, b: Role): Role {
  return RANK[a] >= RANK[b] ? a : b;
}

export function roleIn(auth: AuthContext, workspaceId: string): Role | null {
  if (auth.kind !== "user") return null;
  return auth.memberships.find((m) => m.workspaceId === workspaceId)?.role ?? null;
}

export function canViewWorkspace(auth: AuthContext, workspaceId: string): boolean {
  if (auth.kind === "ingestKey") return auth.workspaceId === workspaceId;
  return roleIn(auth, workspaceId) !== null;
}

/** Changing status, assignee or resolution needs member or admin. */
export function canTriage(auth: AuthContext, workspaceId: string): boolean {
  const role = roleIn(auth, workspaceId);
  return role !== null && RANK[role] >= RANK.member;
}

export function canAdminister(auth: AuthContext, workspaceId: string): boolean {
  return roleIn(auth, workspaceId) === "admin";
}

/**
 * The instance operator (`User.operator`: the first-run setup's account, the demo admin, or granted
 * with the admin CLI) sees what concerns the whole instance — every tenant's volumes, the disk, the
 * data directory, background jobs. No workspace role gives it: anyone signed in can create a
 * workspace and be its admin.
 */
export function isInstanceOperator(auth: AuthContext): boolean {
  return auth.kind === "user" && auth.operator === true;
}

/** Workspaces whose data this caller may read: every query is scoped to these. */
export function visibleWorkspaceIds(auth: AuthContext): string[] {
  return auth.kind === "ingestKey" ? [auth.workspaceId] : auth.memberships.map((m) => m.workspaceId);
}

/**
 * 404 rather than 403 for workspaces the caller is not in, so their existence is not revealed; 403
 * two_factor_required for a member kept out until they turn on two-factor sign-in.
 */
export function assertCanViewWorkspace(auth: AuthContext, workspaceId: string): void {
  assertVisibleIn(auth, workspaceId, () => ApiError.notFound("workspace not found"));
}

/**
 * The one rule for anything found in a workspace (a project, team, rule, monitor, attachment, an
 * organization of sentry-cli…): passes when the caller may see `workspaceId`; 403
 * two_factor_required when it is a workspace of theirs that keeps them out until they turn on
 * two-factor sign-in; else `notFound()` (the item's own 404: other workspaces' items are not revealed).
 */
export function assertVisibleIn(auth: AuthContext, workspaceId: string, notFound: () => ApiError): void {
  if (canViewWorkspace(auth, workspaceId)) return;
  assertNotTwoFactorBlocked(auth, workspaceId);
  throw notFound();
}

/** A row found by id (or null), when the caller may see its workspace: assertVisibleIn's rule, `notFound()` for no row too. */
export function visibleItem<T extends { workspaceId: string }>(auth: AuthContext, row: T | null | undefined, notFound: () => ApiError): T {
  if (!row) throw notFound();
  assertVisibleIn(auth, row.workspaceId, notFound);
  return row;
}

/**
 * 403 two_factor_required (naming the workspace: the caller belongs to it) when the caller is a member
 * of `workspaceId` kept out until they turn on two-factor sign-in; for lookups that otherwise answer
 * their own 404 (an issue of that workspace). Says nothing of workspaces the caller is not in.
 */
export function assertNotTwoFactorBlocked(auth: AuthContext, workspaceId: string): void {
  if (auth.kind === "user" && auth.twoFactorBlocked?.includes(workspaceId)) {
    throw new ApiError(403, "two_factor_required", "this workspace requires two-factor sign-in: turn it on under Your account to open it", { workspaceId });
  }
}

export function assertCanTriage(auth: AuthContext, workspaceId: string): void {
  assertCanViewWorkspace(auth, workspaceId);
  if (!canTriage(auth, workspaceId)) throw ApiError.forbidden("your role cannot change errors in this workspace");
}

export function assertCanAdminister(auth: AuthContext, workspaceId: string): void {
  assertCanViewWorkspace(auth, workspaceId);
  if (!canAdminister(auth, workspaceId)) throw ApiError.forbidden("only workspace admins can do this");
}

/**
 * Account settings (password, sessions, API tokens), and what cannot be undone (deleting a
 * workspace): a person signed in with a session, not a script holding one of their API tokens (a
 * leaked token must not mint more, lock its owner out or wipe a workspace). The 403 says why.
 */
export function assertSignedInSession(
  auth: AuthContext,
  message = "account settings need a signed-in session, not an API token",
): asserts auth is Extract<AuthContext, { kind: "user" }> {
  assertUser(auth);
  if (auth.apiTokenId) throw new ApiError(403, "session_required", message);
}

/**
 * One field of a change its user may make but a script holding their API token may not: what would
 * outlive a leaked token or lock its owners out — giving or taking away admin, removing an admin,
 * turning off the workspace's two-factor requirement, inviting an admin. 403 `session_required`
 * naming the field; anything else in the same request is left to the usual checks.
 */
export function assertSessionFor(auth: AuthContext, field: string, message: string): void {
  if (auth.kind === "user" && auth.apiTokenId) {
    throw new ApiError(403, "session_required", message, { field, issues: [{ path: field, message }] });
  }
}

/** Actions only people can take (not ingest keys): 401 for a key, like a missing session. */
export function assertUser(auth: AuthContext): asserts auth is Extract<AuthContext, { kind: "user" }> {
  if (auth.kind !== "user") throw ApiError.unauthorized("sign in first");
}
