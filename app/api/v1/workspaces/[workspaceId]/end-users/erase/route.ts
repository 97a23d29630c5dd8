import { requireSessionUser } from "@/lib/auth/session";
import { EraseEndUserSchema } from "@/lib/endUsers/endUserSchemas";
import { requestErasure } from "@/lib/endUsers/erasure/requestErasure";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** POST /api/v1/workspaces/:workspaceId/end-users/erase {userId?, email?, ipAddress?} — erase an end user's data (admins): 202, run in the background. */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(EraseEndUserSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await requestErasure(auth, workspaceId, input), { status: 202 });
});
