import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { forgetSourceBundle } from "@/lib/jvmSources/eventSourceBundles";
import { findProject } from "@/lib/projects/findProject";

/** DELETE /api/v1/projects/:projectId/source-bundles/:debugId — members and admins; 404 when the project has none under it. */
export async function deleteSourceBundle(auth: AuthContext, projectId: string, debugId: string): Promise<void> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const { count } = await db().sourceBundle.deleteMany({ where: { projectId, debugId } });
  if (count === 0) throw ApiError.notFound("source bundle not found");
  forgetSourceBundle(projectId, debugId);
}
