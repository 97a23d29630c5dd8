import { requireSessionUser } from "@/lib/auth/session";
import { handle } from "@/lib/http/handle";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { WorkspaceParamsSchema, type WorkspaceRouteContext } from "@/lib/http/workspaceRoute";
import { getReport, ReportQuerySchema } from "@/lib/reports/getReport";
import { reportMarkdown } from "@/lib/reports/reportMarkdown";

/** GET /api/v1/workspaces/:id/report?since=&until=&format=md|json — totals, top errors, categories, resolution times. */
export const GET = handle(async (req: Request, ctx: WorkspaceRouteContext) => {
  const { workspaceId } = parseWith(WorkspaceParamsSchema, await ctx.params);
  const query = parseSearchParams(ReportQuerySchema, req);
  const auth = await requireSessionUser(req);
  const report = await getReport(auth, workspaceId, query);
  if (query.format === "json") return Response.json(report);
  return new Response(reportMarkdown(report), {
    headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `inline; filename="faultline-report-${report.window.since.slice(0, 10)}.md"` },
  });
});
