import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, canAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/**
 * A workspace's members with their roles and teams (any member; the assignee picker and the members
 * table). Admins also see who has two-factor sign-in on (null for others), and `resettable`: whether
 * they may make this person a password-reset link (POST /api/v1/memberships/:id/password-reset's
 * rule — not themselves, every workspace of the person administered by them, a signed-in session);
 * false for everyone else.
 */
export async function listMembers(auth: AuthContext, workspaceId: string) {
  assertCanViewWorkspace(auth, workspaceId);
  const memberships = await db().membership.findMany({
    where: { workspaceId },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          teamMemberships: { where: { team: { workspaceId } }, select: { team: { select: { id: true, name: true } } } },
          twoFactor: { select: { enabledAt: true } },
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  const admin = canAdminister(auth, workspaceId);
  const resettable = admin && auth.kind === "user" && !auth.apiTokenId ? await resettableUsers(auth, memberships.map((m) => m.userId)) : new Set<string>();
  return {
    items: memberships.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      membershipId: m.id,
      joinedAt: m.createdAt.toISOString(),
      teams: m.user.teamMemberships.map((t) => t.team),
      twoFactor: admin ? Boolean(m.user.twoFactor?.enabledAt) : null,
      resettable: resettable.has(m.userId),
    })),
  };
}

/** Of these people, those the caller administers every workspace of (themselves left out). */
async function resettableUsers(auth: Extract<AuthContext, { kind: "user" }>, userIds: string[]): Promise<Set<string>> {
  const theirs = await db().membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true, workspaceId: true } });
  const out = new Set(userIds.filter((id) => id !== auth.userId));
  for (const m of theirs) if (!canAdminister(auth, m.workspaceId)) out.delete(m.userId);
  return out;
}

export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type Member = MemberList["items"][number];
