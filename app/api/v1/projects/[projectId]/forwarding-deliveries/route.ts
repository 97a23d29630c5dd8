import { requireSessionUser } from "@/lib/auth/session";
import { listForwardingDeliveries } from "@/lib/forwarding/deliver/listForwardingDeliveries";
import { ForwardingDeliveriesQuerySchema } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";

type Ctx = { params: Promise<{ projectId: string }> };

/** GET /api/v1/projects/:projectId/forwarding-deliveries?ruleId=&status=&limit= — the delivery log (every member). */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { projectId } = parseWith(ProjectParamsSchema, await params);
  const query = parseSearchParams(ForwardingDeliveriesQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listForwardingDeliveries(auth, projectId, query));
});
