import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";

/** A workspace's members with their roles and teams (any member; the assignee picker and the members table). */
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
        },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return {
    items: memberships.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      membershipId: m.id,
      joinedAt: m.createdAt.toISOString(),
      teams: m.user.teamMemberships.map((t) => t.team),
    })),
  };
}

export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type Member = MemberList["items"][number];
