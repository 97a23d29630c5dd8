import type { Role } from "@/lib/generated/prisma/enums";

export interface MembershipRow {
  workspaceId: string;
  role: Role;
  workspace: { requireTwoFactor: boolean };
}

/**
 * A user's memberships as authorization sees them: the workspaces they may open, and those they
 * belong to but may not open yet because the workspace requires two-factor sign-in and they have not
 * turned it on. Every permission check reads `memberships` only, so a blocked workspace is closed
 * everywhere at once; `twoFactorBlocked` only lets the answer say why (403 two_factor_required).
 */
export function workspaceAccess(rows: MembershipRow[], hasTwoFactor: boolean): { memberships: { workspaceId: string; role: Role }[]; twoFactorBlocked: string[] } {
  const open = rows.filter((m) => hasTwoFactor || !m.workspace.requireTwoFactor);
  return {
    memberships: open.map((m) => ({ workspaceId: m.workspaceId, role: m.role })),
    twoFactorBlocked: rows.filter((m) => !open.includes(m)).map((m) => m.workspaceId),
  };
}

/**
 * The Prisma selection workspaceAccess needs, for the session and API token lookups. A workspace
 * being deleted (Workspace.deletingAt, lib/workspaces/deletion) is no membership any more: from the
 * moment its deletion begins it answers 404 to everyone, like one they never belonged to.
 */
export const MEMBERSHIP_ACCESS_SELECT = {
  memberships: { where: { workspace: { deletingAt: null } }, select: { workspaceId: true, role: true, workspace: { select: { requireTwoFactor: true } } } },
  twoFactor: { select: { enabledAt: true } },
} as const;
