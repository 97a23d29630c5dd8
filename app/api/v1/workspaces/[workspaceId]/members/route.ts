import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { listMembers } from "@/lib/workspaces/listMembers";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/members — who can be assigned to an error. */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  assertCanViewWorkspace(auth, workspaceId);
  return Response.json(await listMembers({ workspaceId }));
});
