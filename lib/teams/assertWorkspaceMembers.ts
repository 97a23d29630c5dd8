import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** 422 naming the first id that is not a member of the workspace (teams hold members only). */
export async function assertWorkspaceMembers(workspaceId: string, userIds: string[], field = "memberIds"): Promise<void> {
  if (userIds.length === 0) return;
  const found = new Set((await db().membership.findMany({ where: { workspaceId, userId: { in: userIds } }, select: { userId: true } })).map((m) => m.userId));
  const index = userIds.findIndex((id) => !found.has(id));
  if (index >= 0) throw ApiError.validation(`${field}[${index}]: not a member of this workspace`, [{ path: `${field}[${index}]`, message: "not a member of this workspace" }]);
}
