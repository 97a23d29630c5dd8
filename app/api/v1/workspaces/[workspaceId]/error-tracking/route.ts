import { getErrorTracking } from "@/lib/analytics/getErrorTracking";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";
import { isUuid } from "@/lib/ids/uuidv7";
import { ApiError } from "@/lib/http/ApiError";

type Ctx = { params: Promise<{ workspaceId: string }> };

/** GET /api/v1/workspaces/:workspaceId/error-tracking — the aggregated dashboard view. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const query = parseSearchParams(TrackingQuerySchema, req);
  const { workspaceId } = await params;
  const auth = await requireSessionUser(req);
  if (!isUuid(workspaceId)) throw ApiError.notFound("workspace not found");
  assertCanViewWorkspace(auth, workspaceId);
  return Response.json(await getErrorTracking(workspaceId, query));
});
