import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { searchValues, SearchValuesQuerySchema } from "@/lib/search/server/searchValues";

/** GET /api/v1/workspaces/:id/search-values?key=&prefix= — search-box suggestions (tag keys, or a key's values). */
export const GET = handle(async (req: Request, ctx: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await ctx.params);
  const query = parseSearchParams(SearchValuesQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await searchValues(auth, workspaceId, query));
});
