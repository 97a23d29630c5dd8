import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { listSourceBundles } from "@/lib/jvmSources/listSourceBundles";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/source-bundles — the project's JVM source bundles (uploaded with sentry-cli debug-files upload --type jvm). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listSourceBundles(auth, projectId));
});
