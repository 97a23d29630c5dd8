import { db } from "@/lib/db/prisma";
import { unassignableBecause } from "@/lib/assignment/assignableRole";
import { ApiError } from "@/lib/http/ApiError";

/** 422 naming `field` unless `userId` is a member or an admin of every one of `workspaceIds`. */
export async function assertAssignable(userId: string, workspaceIds: string | string[], field = "assigneeId"): Promise<void> {
  const ids = [...new Set(typeof workspaceIds === "string" ? [workspaceIds] : workspaceIds)];
  const roles = new Map((await db().membership.findMany({ where: { userId, workspaceId: { in: ids } }, select: { workspaceId: true, role: true } })).map((m) => [m.workspaceId, m.role]));
  for (const workspaceId of ids) {
    const why = unassignableBecause(roles.get(workspaceId));
    if (why) throw ApiError.validation(`${field}: ${why}`, [{ path: field, message: why }]);
  }
}
