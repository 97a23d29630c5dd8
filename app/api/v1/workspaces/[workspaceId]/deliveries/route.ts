import { ListDeliveriesQuerySchema } from "@/lib/alerts/deliveries/deliverySchemas";
import { listDeliveries } from "@/lib/alerts/deliveries/listDeliveries";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/deliveries — the notification delivery log (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(ListDeliveriesQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listDeliveries(auth, { workspaceId, query }));
});
