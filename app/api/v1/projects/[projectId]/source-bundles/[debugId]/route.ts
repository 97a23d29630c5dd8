import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { deleteSourceBundle } from "@/lib/jvmSources/deleteSourceBundle";
import { SourceBundleParamsSchema } from "@/lib/jvmSources/sourceBundleSchemas";

type Ctx = { params: Promise<{ projectId: string; debugId: string }> };

/** DELETE /api/v1/projects/:projectId/source-bundles/:debugId — members and admins. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId, debugId } = parseWith(SourceBundleParamsSchema, await params);
  const auth = await requireSessionUser(req);
  await deleteSourceBundle(auth, projectId, debugId);
  return new Response(null, { status: 204 });
});
