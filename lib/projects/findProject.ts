import type { AuthContext } from "@/lib/auth/AuthContext";
import { visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * A project the caller can see; 404 for unknown ids, projects of other workspaces and projects being
 * deleted alike (403 two_factor_required in a workspace of theirs that keeps them out: visibleItem).
 */
export async function findProject(auth: AuthContext, projectId: string) {
  const project = await db().project.findUnique({ where: { id: projectId } });
  return visibleItem(auth, project?.deletingAt ? null : project, () => ApiError.notFound("project not found"));
}
