import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { getRelease, ReleaseParamsSchema, ReleaseQuerySchema } from "@/lib/releases/getRelease";

type Context = { params: Promise<{ workspaceId: string; version: string }> };

/** GET /api/v1/workspaces/:id/releases/:version?projectId= — one release in depth (the version URL-encoded). */
export const GET = handle(async (req: Request, ctx: Context) => {
  const { workspaceId, version } = parseWith(ReleaseParamsSchema, await ctx.params);
  const query = parseSearchParams(ReleaseQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await getRelease(auth, workspaceId, version, query));
});
