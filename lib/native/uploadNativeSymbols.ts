import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/ApiError";
import { BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";
import type { NativeSymbolFileDto } from "@/lib/native/nativeSymbolSchemas";
import { storeNativeSymbols } from "@/lib/native/storeNativeSymbols";
import { findProject } from "@/lib/projects/findProject";

/**
 * POST /api/v1/projects/:projectId/native-symbols — stores a Breakpad symbol file (members and
 * admins: a build step, usually with an API token) under the debug ID its MODULE record names. A
 * body that is not one is refused (422 naming `body`) before anything is stored.
 */
export async function uploadNativeSymbols(auth: AuthContext, projectId: string, body: Buffer): Promise<NativeSymbolFileDto> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  try {
    return await storeNativeSymbols(projectId, body);
  } catch (error) {
    if (error instanceof BreakpadSymbolsError) throw ApiError.validation("not a Breakpad symbol file", [{ path: "body", message: error.message }]);
    throw error;
  }
}
