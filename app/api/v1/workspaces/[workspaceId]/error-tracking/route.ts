import { getWorkspaceErrorTracking } from "@/lib/analytics/getWorkspaceErrorTracking";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";

type Ctx = { params: Promise<{ workspaceId: string }> };

/** GET /api/v1/workspaces/:workspaceId/error-tracking — the aggregated dashboard view with resolution metrics. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const query = parseSearchParams(TrackingQuerySchema, req);
  const { workspaceId } = await params;
  const auth = await requireSessionUser(req);
  return Response.json(await getWorkspaceErrorTracking(auth, workspaceId, query));
});
