import { unassignableBecause } from "@/lib/assignment/assignableRole";
import type { RuleAssignee } from "@/lib/assignment/assignmentSchemas";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A rule assigns to a team of its own workspace, or to a member or admin of it (a viewer cannot act on
 * the issues it would get): 422 naming `assignee.id` otherwise.
 */
export async function assertAssigneeInWorkspace(workspaceId: string, assignee: RuleAssignee): Promise<void> {
  const why =
    assignee.type === "team"
      ? (await db().team.findFirst({ where: { id: assignee.id, workspaceId }, select: { id: true } }))
        ? null
        : "not a team of this workspace"
      : unassignableBecause((await db().membership.findUnique({ where: { userId_workspaceId: { userId: assignee.id, workspaceId } }, select: { role: true } }))?.role);
  if (why) throw ApiError.validation(`assignee.id: ${why}`, [{ path: "assignee.id", message: why }]);
}

export function assigneeColumns(assignee: RuleAssignee): { assigneeUserId: string | null; assigneeTeamId: string | null } {
  return assignee.type === "team" ? { assigneeUserId: null, assigneeTeamId: assignee.id } : { assigneeUserId: assignee.id, assigneeTeamId: null };
}
