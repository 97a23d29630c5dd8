import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { forgetNativeSymbols } from "@/lib/native/eventNativeSymbols";
import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { findProject } from "@/lib/projects/findProject";

/** DELETE /api/v1/projects/:projectId/native-symbols/:debugId — members and admins; 404 when the project has none under it. */
export async function deleteNativeSymbols(auth: AuthContext, projectId: string, rawDebugId: string): Promise<void> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const debugId = nativeDebugId(rawDebugId);
  const { count } = debugId ? await db().nativeSymbolFile.deleteMany({ where: { projectId, debugId } }) : { count: 0 };
  if (count === 0 || !debugId) throw ApiError.notFound("symbol file not found");
  forgetNativeSymbols(projectId, debugId);
}
