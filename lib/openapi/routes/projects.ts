import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { CreateIngestKeySchema, CreateProjectSchema, DeleteProjectSchema, IngestKeyParamsSchema, ProjectParamsSchema, UpdateProjectSchema } from "@/lib/projects/projectSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";

export const projectRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "viewer",
    summary: "A project with its DSN id", params: ProjectParamsSchema,
    responses: { 200: "the project" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/projects", tag: "Projects", auth: "session", role: "admin",
    summary: "Create a project with its first ingest key (shown once) and DSN", params: WorkspaceParamsSchema, body: CreateProjectSchema,
    responses: { 201: "`{id, publicId, name, slug, platform, dsn, ingestKey, …}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Name, platform, browser origins, rate limit, retention and quotas (audited)",
    description: "`retentionDays` is how long occurrences are kept (the retention job); `quotaPerMinute` and `quotaPerDay` (UTC) cap accepted events on both ingest doors (429 over them; null removes the quota).",
    params: ProjectParamsSchema, body: UpdateProjectSchema,
    responses: { 200: "the project" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/projects/{projectId}", tag: "Projects", auth: "session", role: "admin",
    summary: "Delete the project with its issues, events and keys; `confirmName` repeats its name (audited)", params: ProjectParamsSchema, body: DeleteProjectSchema,
    responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
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
