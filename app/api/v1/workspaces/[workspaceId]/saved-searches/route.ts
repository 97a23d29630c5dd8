import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { createSavedSearch, CreateSavedSearchSchema, listSavedSearches } from "@/lib/savedSearches/savedSearches";

/** GET /api/v1/workspaces/:id/saved-searches — the caller's saved issue searches. */
export const GET = handle(async (req: Request, ctx: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await ctx.params);
  const auth = await requireSessionUser(req);
  return Response.json(await listSavedSearches(auth, workspaceId));
});

/** POST /api/v1/workspaces/:id/saved-searches `{name, query}`. */
export const POST = handle(async (req: Request, ctx: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await ctx.params);
  const input = parseWith(CreateSavedSearchSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createSavedSearch(auth, workspaceId, input), { status: 201 });
});
