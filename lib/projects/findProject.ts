import type { AuthContext } from "@/lib/auth/AuthContext";
import { canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** A project the caller can see; 404 for unknown ids and for projects of other workspaces alike. */
export async function findProject(auth: AuthContext, projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId } });
  if (!project || !canViewWorkspace(auth, project.workspaceId)) throw ApiError.notFound("project not found");
  return project;
}
