import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, canAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/**
 * A workspace's members with their roles and teams (any member; the assignee picker and the members
 * table). Admins also see who has two-factor sign-in on (null for others).
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
    })),
  };
}

export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type Member = MemberList["items"][number];
