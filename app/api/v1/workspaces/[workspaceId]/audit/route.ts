import { ListAuditQuerySchema } from "@/lib/audit/auditSchemas";
import { listAudit } from "@/lib/audit/listAudit";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/audit?action=&targetType=&page= — the activity log (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(ListAuditQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listAudit(auth, workspaceId, query));
});
