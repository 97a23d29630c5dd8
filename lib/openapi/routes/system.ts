import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const systemRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/health", tag: "System", auth: "none",
    summary: "Liveness, database reachability and the ingest spool (the container healthcheck)",
    responses: {
      200: "`{status: \"ok\" | \"degraded (spooling)\", database, spool: {spooling, since, bytes, maxBytes}}` (anonymous: no paths): degraded while PostgreSQL is unavailable or does not store (read-only, out of disk: events go to the spool), or the oldest spooled record is older than 5 s",
      503: "`{status: \"unavailable\", database, spool}` with `Retry-After`: every event would be refused (they go to the spool, which is full or whose disk fails its writes); `{status: \"shutting down\"}` (with `Connection: close`): the instance drains for its shutdown and refuses new requests, send them to another",
    },
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
