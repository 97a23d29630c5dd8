import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";
import { forgetReleaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/** DELETE /api/v1/projects/:projectId/sourcemaps/:sourceMapId — members and admins; 404 for another project's. */
export async function deleteSourceMap(auth: AuthContext, projectId: string, sourceMapId: string): Promise<void> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const [deleted] = await db().$queryRaw<{ release: string }[]>`DELETE FROM "SourceMap" WHERE id = ${sourceMapId}::uuid AND "projectId" = ${projectId}::uuid RETURNING release`;
  if (!deleted) throw ApiError.notFound("source map not found");
  forgetReleaseSourceMaps(projectId, deleted.release);
}
