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

/**
 * A list's `projectId` filter names a project of the workspace (of one of the caller's, for the
 * issue list asked without one): 422 naming `projectId` otherwise — an unknown project, another
 * workspace's and one being deleted alike — rather than an empty list that looks like "no data".
 */
export async function assertProjectFilter(workspaceIds: string | string[], projectId: string | undefined): Promise<void> {
  if (!projectId) return;
  const ids = typeof workspaceIds === "string" ? [workspaceIds] : workspaceIds;
  const found = await db().project.findFirst({ where: { id: projectId, workspaceId: { in: ids }, deletingAt: null }, select: { id: true } });
  if (found) return;
  const message = typeof workspaceIds === "string" ? "not a project of this workspace" : "not a project of your workspaces";
  throw ApiError.validation(`projectId: ${message}`, [{ path: "projectId", message }]);
}
