import { requireSessionUser } from "@/lib/auth/session";
import { listErasures } from "@/lib/endUsers/erasure/listErasures";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/end-users/erasures — the latest end-user erasures and their status (admins). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await listErasures(auth, workspaceId));
});
