import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { listReleases, ReleasesQuerySchema } from "@/lib/releases/listReleases";

/** GET /api/v1/workspaces/:id/releases?projectId=&limit= — releases seen in errors, newest first, with their issues. */
export const GET = handle(async (req: Request, ctx: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await ctx.params);
  const query = parseSearchParams(ReleasesQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listReleases(auth, workspaceId, query));
});
