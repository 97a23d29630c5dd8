import { z } from "zod";
import { ListErrorsQuerySchema, UpdateErrorSchema } from "@/lib/errors/errorSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });

export const errorRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/errors", tag: "Errors", auth: "sessionOrIngestKey", role: "viewer",
    summary: "Error groups in the caller's workspaces: filtered (search syntax in `query`), sorted, paged, with per-row stats", query: ListErrorsQuerySchema,
    responses: { 200: "`{items, page, pageSize, total, stats}`" }, errors: [401, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}", tag: "Errors", auth: "sessionOrIngestKey", role: "viewer",
    summary: "One error group with recent occurrences and its audit trail", params: IdParams,
    description: "`sampling` is `{storedEvents, sampledEvents, lastSampledAt, issueCap}` when spike protection or the per-issue cap counted events without storing them (null otherwise). An issue merged into another answers 404 with `mergedInto`: the id of the issue that holds its events now (followed through later merges; signed-in members of its workspace only).",
    responses: { 200: "the group" }, errors: [401, 404],
  },
  {
    method: "PATCH", path: "/api/v1/errors/{id}", tag: "Errors", auth: "session", role: "member",
    summary: "Triage: status (with statusDetails: next release, ignore conditions), assignee, resolution, root cause, preventive measures (audited)",
    params: IdParams, body: UpdateErrorSchema,
    responses: { 200: "the updated group" }, errors: [401, 403, 404, 422],
  },
];
