import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A channel or an alert rule names projects of its own workspace: 422 naming `projectIds[i]` otherwise. */
export async function assertWorkspaceProjects(workspaceId: string, projectIds: string[] | undefined): Promise<void> {
  if (!projectIds?.length) return;
  const found = new Set((await db().project.findMany({ where: { workspaceId, id: { in: projectIds }, deletingAt: null }, select: { id: true } })).map((p) => p.id));
  const bad = projectIds.findIndex((id) => !found.has(id));
  if (bad >= 0) {
    const path = `projectIds[${bad}]`;
    throw ApiError.validation(`${path}: not a project of this workspace`, [{ path, message: "not a project of this workspace" }]);
  }
}
