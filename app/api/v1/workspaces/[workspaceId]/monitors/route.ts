import { requireSessionUser } from "@/lib/auth/session";
import { listMonitors, MonitorListQuerySchema } from "@/lib/crons/listMonitors";
import { createUptimeMonitor } from "@/lib/crons/uptime/createUptimeMonitor";
import { CreateUptimeMonitorSchema } from "@/lib/crons/uptime/uptimeSchemas";
import { readJson } from "@/lib/http/readJson";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";

/** GET /api/v1/workspaces/:workspaceId/monitors?projectId= — the workspace's cron monitors with their latest runs (any member). */
export const GET = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const query = parseSearchParams(MonitorListQuerySchema, req);
  const auth = await requireSessionUser(req);
  return Response.json(await listMonitors(auth, { workspaceId, query }));
});

/** POST /api/v1/workspaces/:workspaceId/monitors {projectId, slug, url, intervalMinutes?, environment?, failureIssueThreshold?, recoveryThreshold?} — an uptime monitor (admins; audited). */
export const POST = handle(async (req: Request, { params }: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await params);
  const input = parseWith(CreateUptimeMonitorSchema, await readJson(req));
  const auth = await requireSessionUser(req);
  return Response.json(await createUptimeMonitor(auth, workspaceId, input), { status: 201 });
});
