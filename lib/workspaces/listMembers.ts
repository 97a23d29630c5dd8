import { db } from "@/lib/db/prisma";

/** A workspace's members with their roles, for the assignee picker. */
export async function listMembers(input: { workspaceId: string }) {
  const memberships = await db().membership.findMany({
    where: { workspaceId: input.workspaceId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return { items: memberships.map((m) => ({ ...m.user, role: m.role })) };
}

export type MemberList = Awaited<ReturnType<typeof listMembers>>;
export type Member = MemberList["items"][number];
