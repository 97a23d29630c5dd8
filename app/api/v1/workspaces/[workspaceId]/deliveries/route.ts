import { z } from "zod";
import { ListDeliveriesQuerySchema } from "@/lib/alerts/deliveries/deliverySchemas";
import { listDeliveries } from "@/lib/alerts/deliveries/listDeliveries";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ workspaceId: string }> };

const ParamsSchema = z.object({ workspaceId: z.uuid() });

/** GET /api/v1/workspaces/:workspaceId/deliveries — the notification delivery log (any member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { workspaceId } = parseWith(ParamsSchema, await params);
  const query = parseSearchParams(ListDeliveriesQuerySchema, req);
  const auth = await requireSessionUser(req);
  assertCanViewWorkspace(auth, workspaceId);
  return Response.json(await listDeliveries({ workspaceId, query }));
});
