import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";
import { findProject } from "@/lib/projects/findProject";
import { ProguardMappingError } from "@/lib/proguard/proguardMapping";
import type { ProguardMappingDto } from "@/lib/proguard/proguardSchemas";
import { storeProguardMapping } from "@/lib/proguard/storeProguardMapping";

/**
 * POST /api/v1/projects/:projectId/proguard?uuid= — stores a ProGuard / R8 mapping file (members and
 * admins: a build step, usually with an API token). A body that is not a mapping is refused (422
 * naming `body`) before anything is stored.
 */
export async function uploadProguardMapping(auth: AuthContext, projectId: string, input: { uuid?: string }, body: Buffer): Promise<ProguardMappingDto> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  try {
    return await storeProguardMapping([projectId], body, input.uuid);
  } catch (error) {
    if (error instanceof ProguardMappingError) throw ApiError.validation("not a ProGuard mapping", [{ path: "body", message: error.message }]);
    throw error;
  }
}
