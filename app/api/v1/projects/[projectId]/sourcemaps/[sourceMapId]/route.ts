import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { deleteSourceMap } from "@/lib/sourcemaps/deleteSourceMap";
import { SourceMapParamsSchema } from "@/lib/sourcemaps/sourceMapSchemas";

type Ctx = { params: Promise<{ projectId: string; sourceMapId: string }> };

/** DELETE /api/v1/projects/:projectId/sourcemaps/:sourceMapId — members and admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, sourceMapId } = parseWith(SourceMapParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteSourceMap(auth, projectId, sourceMapId);
  return new Response(null, { status: 204 });
});
