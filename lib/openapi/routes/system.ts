import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const systemRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/health", tag: "System", auth: "none",
    summary: "Liveness and database reachability (the container healthcheck)",
    responses: { 200: "`{status: \"ok\", database: true}`", 503: "`{status: \"degraded\", database: false}`" },
  },
  {
    method: "GET", path: "/api/metrics", tag: "System", auth: "metricsToken",
    summary: "Prometheus metrics (text exposition format); 404 unless METRICS_TOKEN is set",
    responses: { 200: { description: "metrics", contentType: "text/plain; version=0.0.4" } }, errors: [401, 404],
  },
  {
    method: "GET", path: "/api/openapi.json", tag: "System", auth: "none",
    summary: "This document (OpenAPI 3.1)", responses: { 200: "the OpenAPI document" },
  },
];
