import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";

/** DELETE /api/v1/projects/:projectId/sourcemaps/:sourceMapId — members and admins; 404 for another project's. */
export async function deleteSourceMap(auth: AuthContext, projectId: string, sourceMapId: string): Promise<void> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const { count } = await db().sourceMap.deleteMany({ where: { id: sourceMapId, projectId } });
  if (count === 0) throw ApiError.notFound("source map not found");
}
