import { z } from "zod";
import { ListAlertsQuerySchema } from "@/lib/alerts/alertSchemas";
import { listAlerts } from "@/lib/alerts/listAlerts";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ workspaceId: string }> };

const ParamsSchema = z.object({ workspaceId: z.uuid() });

/** GET /api/v1/workspaces/:workspaceId/alerts?status=active|acknowledged|resolved — newest first, paged. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const { workspaceId } = parseWith(ParamsSchema, await params);
  const query = parseSearchParams(ListAlertsQuerySchema, req);
  const auth = await requireSessionUser(req);
  assertCanViewWorkspace(auth, workspaceId);
  return Response.json(await listAlerts({ workspaceId, query }));
});
