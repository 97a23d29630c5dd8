import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { IngestHealthSchema } from "@/lib/ingestHealth/ingestHealthSchema";
import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const workspaceRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/error-tracking", tag: "Dashboard", auth: "session", role: "viewer",
    summary: "The aggregated dashboard view (see docs/metrics.md)", params: WorkspaceParamsSchema, query: TrackingQuerySchema,
    description:
      "Shared by every viewer of the same workspace, timeframe and filters: answered from a view cache for up to VIEW_CACHE_TTL_MS " +
      "(one computation at a time per view; writes this instance saw are folded in). `X-Faultline-View` (hit, shared or computed) says how it was answered and " +
      "`Age` how old it is; `Cache-Control: no-cache` asks for a view computed now.",
    responses: { 200: "overview, categories, timeline, errors page, top errors, correlations, recovery" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/members", tag: "Workspaces", auth: "session", role: "viewer",
    summary: "Members (who can be assigned to an error: members and admins); for admins also `twoFactor` and `resettable` (whether they may make that person a reset link)", params: WorkspaceParamsSchema,
    responses: { 200: "the members" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/ingest-health", tag: "Status", auth: "session", role: "viewer",
    summary: "Ingest health: events/s and outcomes per project, storage per project and table (any member); the whole database per table, growth, days of disk left, job runs and this instance's spool for the instance operator only",
    params: WorkspaceParamsSchema, responses: { 200: { description: "the status", schema: IngestHealthSchema } }, errors: [401, 404, 422],
  },
];
