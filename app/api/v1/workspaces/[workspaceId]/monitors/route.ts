import { requireSessionUser } from "@/lib/auth/session";
import { listMonitors, MonitorListQuerySchema } from "@/lib/crons/listMonitors";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/monitors?projectId= — the workspace's cron monitors with their latest runs (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(MonitorListQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listMonitors(auth, { workspaceId, query }));
});
