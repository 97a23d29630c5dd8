import { getWorkspaceView } from "@/lib/analytics/getWorkspaceView";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams } from "@/lib/http/parseWith";
import { wantsFresh } from "@/lib/http/wantsFresh";
import { isUuid } from "@/lib/ids/uuidv7";
import { ApiError } from "@/lib/http/ApiError";

type Ctx = { params: Promise<{ workspaceId: string }> };

/** GET /api/v1/workspaces/:workspaceId/error-tracking — the aggregated dashboard view with resolution metrics, shared by its viewers. */
export const GET = handle(async (req: Request, { params }: Ctx) => {
  const query = parseSearchParams(TrackingQuerySchema, req);
  const { workspaceId } = await params;
  const auth = await requireSessionUser(req);
  if (!isUuid(workspaceId)) throw ApiError.notFound("workspace not found");
  const view = await getWorkspaceView(auth, workspaceId, query, wantsFresh(req));
  return new Response(view.body, {
    headers: {
      "content-type": "application/json",
      "cache-control": "private, no-store",
      "x-faultline-view": view.source,
      age: String(Math.max(0, Math.floor((Date.now() - view.computedAt) / 1000))),
    },
  });
});
