import type { RuleAssignee } from "@/lib/assignment/assignmentSchemas";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A rule assigns to a member or a team of its own workspace (422 naming `assignee.id` otherwise). */
export async function assertAssigneeInWorkspace(workspaceId: string, assignee: RuleAssignee): Promise<void> {
  const found =
    assignee.type === "team"
      ? await db().team.findFirst({ where: { id: assignee.id, workspaceId }, select: { id: true } })
      : await db().membership.findUnique({ where: { userId_workspaceId: { userId: assignee.id, workspaceId } }, select: { userId: true } });
  if (!found) throw ApiError.validation(`assignee.id: not a ${assignee.type === "team" ? "team" : "member"} of this workspace`, [{ path: "assignee.id", message: `not a ${assignee.type === "team" ? "team" : "member"} of this workspace` }]);
}

export function assigneeColumns(assignee: RuleAssignee): { assigneeUserId: string | null; assigneeTeamId: string | null } {
  return assignee.type === "team" ? { assigneeUserId: null, assigneeTeamId: assignee.id } : { assigneeUserId: assignee.id, assigneeTeamId: null };
}
