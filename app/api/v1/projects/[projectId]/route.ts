import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { deleteProject } from "@/lib/projects/deleteProject";
import { getProject } from "@/lib/projects/getProject";
import { DeleteProjectSchema, ProjectParamsSchema, UpdateProjectSchema } from "@/lib/projects/projectSchemas";
import { updateProject } from "@/lib/projects/updateProject";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId — the project (with its DSN publicId) for any workspace member. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getProject(auth, projectId));
});

/** PATCH /api/v1/projects/:projectId — {name, platform, allowedOrigins, rateLimitPerMinute, retentionDays, quotaPerMinute, quotaPerDay} (admins). */
export const PATCH = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const input = parseWith(UpdateProjectSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateProject(auth, projectId, input));
});

/** DELETE /api/v1/projects/:projectId — {confirmName} must repeat the project's name (admins); audited. */
export const DELETE = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const input = parseWith(DeleteProjectSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  await deleteProject(auth, projectId, input);
  return new Response(null, { status: 204 });
});
