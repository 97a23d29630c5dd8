import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { accountRoutes } from "@/lib/openapi/routes/account";
import { administrationRoutes } from "@/lib/openapi/routes/administration";
import { alertRoutes } from "@/lib/openapi/routes/alerts";
import { cronRoutes } from "@/lib/openapi/routes/crons";
import { authRoutes } from "@/lib/openapi/routes/auth";
import { errorRoutes } from "@/lib/openapi/routes/errors";
import { forwardingRoutes } from "@/lib/openapi/routes/forwarding";
import { groupingRoutes } from "@/lib/openapi/routes/grouping";
import { ingestRoutes } from "@/lib/openapi/routes/ingest";
import { notificationRoutes } from "@/lib/openapi/routes/notifications";
import { projectRoutes } from "@/lib/openapi/routes/projects";
import { systemRoutes } from "@/lib/openapi/routes/system";
import { triageRoutes } from "@/lib/openapi/routes/triage";
import { teamRoutes } from "@/lib/openapi/routes/teams";
import { workspaceRoutes } from "@/lib/openapi/routes/workspaces";

/**
 * Every API route, by area. A new route adds ONE entry to its area's file in lib/openapi/routes/
 * (or a new area file listed here); lib/openapi/routeRegistry.test.ts fails when a route file under
 * app/api exports a method that is not registered, or an entry names a route that does not exist.
 */
export const routeRegistry: RouteSpec[] = [
  ...ingestRoutes,
  ...authRoutes,
  ...accountRoutes,
  ...notificationRoutes,
  ...administrationRoutes,
  ...errorRoutes,
  ...triageRoutes,
  ...groupingRoutes,
  ...workspaceRoutes,
  ...projectRoutes,
  ...forwardingRoutes,
  ...alertRoutes,
  ...cronRoutes,
  ...teamRoutes,
  ...systemRoutes,
];
