import { requireSessionUser } from "@/lib/auth/session";
import { listWorkspaceFeedback, WorkspaceFeedbackQuerySchema } from "@/lib/feedback/listWorkspaceFeedback";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/feedback?projectId=&page=&pageSize= — the workspace's user feedback, newest first (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(WorkspaceFeedbackQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listWorkspaceFeedback(auth, { workspaceId, query }));
});
