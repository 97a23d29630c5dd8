import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { addProject } from "@/lib/projects/addProject";
import { CreateProjectSchema } from "@/lib/projects/projectSchemas";
import { publicOrigin } from "@/lib/projects/publicOrigin";

/** POST /api/v1/workspaces/:workspaceId/projects {name, platform?} — 201 {id, publicId, dsn, ingestKey} (admins; the key can be revealed again: GET …/keys/:keyId/dsn). */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateProjectSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  const project = await addProject(auth, workspaceId, input, publicOrigin(req));
  return Response.json(project, { status: 201, headers: { "cache-control": "no-store" } });
});
