import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { updateWorkspace } from "@/lib/workspaces/updateWorkspace";
import { UpdateWorkspaceSchema } from "@/lib/workspaces/workspaceSchemas";

/** PATCH /api/v1/workspaces/:workspaceId {name?, requireTwoFactor?} — admins. */
export const PATCH = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(UpdateWorkspaceSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await updateWorkspace(auth, workspaceId, input));
});
