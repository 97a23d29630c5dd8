import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";
import { forgetProguardMapping } from "@/lib/proguard/eventProguardMappings";

/** DELETE /api/v1/projects/:projectId/proguard/:uuid — members and admins; 404 when the project has none under it. */
export async function deleteProguardMapping(auth: AuthContext, projectId: string, uuid: string): Promise<void> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const { count } = await db().proguardMapping.deleteMany({ where: { projectId, uuid } });
  if (count === 0) throw ApiError.notFound("ProGuard mapping not found");
  forgetProguardMapping(projectId, uuid);
}
