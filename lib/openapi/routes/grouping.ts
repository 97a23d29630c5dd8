import { z } from "zod";
import { MergeErrorsSchema, UnmergeErrorSchema } from "@/lib/grouping/merge/mergeSchemas";
import { GroupingRulesBodySchema } from "@/lib/grouping/rules/groupingRuleSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { ProjectParamsSchema } from "@/lib/projects/projectSchemas";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });

export const groupingRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/errors/merge", tag: "Grouping", auth: "session", role: "member",
    summary: "Merge issues: the sources' events, counts and fingerprints join the target (audited)", body: MergeErrorsSchema,
    responses: { 200: "`{targetId, mergedIds, fingerprints, occurrences}`" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "POST", path: "/api/v1/errors/{id}/unmerge", tag: "Grouping", auth: "session", role: "member",
    summary: "Split fingerprints off an issue: each becomes an issue of its own again with every event it counted of them, sampled ones included (audited)", params: IdParams, body: UnmergeErrorSchema,
    responses: { 200: "`{errorId, created: [{errorId, fingerprint, occurrences, events, approximate, approximateIn}], approximate}`: approximate where a fingerprint held events before per-fingerprint counts existed (approximateIn: events, users)" },
    errors: [401, 403, 404, 409, 422],
  },
  {
    method: "POST", path: "/api/v1/errors/{id}/discard", tag: "Grouping", auth: "session", role: "member",
    summary: "Ignore the issue and discard its new events at ingest (by every fingerprint that leads to it): not stored, against no quota, counted as filtered (audited)",
    params: IdParams, responses: { 200: "`{errorId, discarded: {since, byId, events, lastEventAt}}`" }, errors: [401, 403, 404],
  },
  {
    method: "DELETE", path: "/api/v1/errors/{id}/discard", tag: "Grouping", auth: "session", role: "member",
    summary: "Store the issue's new events again (reopening it does this too; audited)", params: IdParams,
    responses: { 200: "`{errorId, discarded: null}`" }, errors: [401, 403, 404],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/similar", tag: "Grouping", auth: "sessionOrIngestKey", role: "viewer",
    summary: "Issues of the same project that look like the same bug, best first", params: IdParams,
    responses: { 200: "candidates with their similarity" }, errors: [401, 404],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/fingerprints", tag: "Grouping", auth: "sessionOrIngestKey", role: "viewer",
    summary: "The fingerprints an issue holds, with event counts (what unmerge can split off)", params: IdParams,
    responses: { 200: "`{errorId, fingerprints: [{fingerprint, kind, events, approximate, lastSeen, sampleMessage}]}`" }, errors: [401, 404],
  },
  {
    method: "GET", path: "/api/v1/projects/{projectId}/grouping-rules", tag: "Grouping", auth: "session", role: "viewer",
    summary: "The project's grouping rules", params: ProjectParamsSchema,
    responses: { 200: "`{rules}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/grouping-rules", tag: "Grouping", auth: "session", role: "admin",
    summary: "Replace the project's grouping rules (apply to new events)", params: ProjectParamsSchema, body: GroupingRulesBodySchema,
    responses: { 200: "`{rules}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/projects/{projectId}/grouping-rules/preview", tag: "Grouping", auth: "session", role: "member", dryRun: true,
    summary: "Dry run of grouping rules over the project's recent events: which issues would merge or split", params: ProjectParamsSchema, body: GroupingRulesBodySchema,
    responses: { 200: "the regrouping" }, errors: [401, 403, 404, 422],
  },
];
