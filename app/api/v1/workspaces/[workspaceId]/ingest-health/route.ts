import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { getIngestHealth } from "@/lib/ingestHealth/getIngestHealth";

export const dynamic = "force-dynamic";

/** GET /api/v1/workspaces/:workspaceId/ingest-health — event rates, outcomes, storage, disk forecast, job runs. */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const auth = await requireSessionUser(req);
  return Response.json(await getIngestHealth(auth, workspaceId), { headers: { "cache-control": "no-store" } });
});
