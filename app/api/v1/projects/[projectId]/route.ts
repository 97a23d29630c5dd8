import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { getProject } from "@/lib/projects/getProject";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId — the project (with its DSN publicId) for any workspace member. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getProject(auth, projectId));
});
