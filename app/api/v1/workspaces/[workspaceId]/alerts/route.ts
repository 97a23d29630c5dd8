import { ListAlertsQuerySchema } from "@/lib/alerts/alertSchemas";
import { listAlerts } from "@/lib/alerts/listAlerts";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/alerts?status=active|acknowledged|resolved — newest first, paged. */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(ListAlertsQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listAlerts(auth, { workspaceId, query }));
});
