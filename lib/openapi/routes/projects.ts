import { CreateIngestKeySchema, IngestKeyParamsSchema, ProjectParamsSchema } from "@/lib/projects/projectSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const projectRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "viewer",
    summary: "A project with its DSN id", params: ProjectParamsSchema,
    responses: { 200: "the project" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/keys", tag: "Projects", auth: "session", role: "admin",
    summary: "Ingest keys (prefix only)", params: ProjectParamsSchema,
    responses: { 200: "the keys" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/keys", tag: "Projects", auth: "session", role: "admin",
    summary: "Create an ingest key; the response is the only time it is shown", params: ProjectParamsSchema, body: CreateIngestKeySchema,
    responses: { 201: "`{id, name, key, keyPrefix, createdAt}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}/keys/{keyId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Revoke an ingest key (kept for the record)", params: IngestKeyParamsSchema,
    responses: { 204: "revoked" }, errors: [401, 403, 404, 422],
  },
];
