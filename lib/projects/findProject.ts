import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A project the caller can see; 404 for unknown ids, projects of other workspaces and projects being deleted alike. */
export async function findProject(auth: AuthContext, projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId } });
  if (!project || project.deletingAt || !canViewWorkspace(auth, project.workspaceId)) throw ApiError.notFound("project not found");
  return project;
}
