import { z } from "zod";
import { AttachmentQuerySchema } from "@/lib/attachments/readAttachment";
import { ActivityQuerySchema } from "@/lib/errors/activity/getActivity";
import { BulkRequestSchema } from "@/lib/errors/bulk/bulkSchemas";
import { CreateCommentSchema, ListCommentsQuerySchema } from "@/lib/errors/comments/comments";
import { CreateIssueLinkSchema, IssueLinkParamsSchema } from "@/lib/errors/links/issueLinks";
import { ExportErrorsQuerySchema } from "@/lib/errors/errorSchemas";
import { EventFiltersSchema, ExportEventsQuerySchema, ListEventsQuerySchema } from "@/lib/errors/events/eventSchemas";
import { TagDistributionQuerySchema } from "@/lib/errors/tags/getTagDistribution";
import { IssueFeedbackQuerySchema } from "@/lib/feedback/listIssueFeedback";
import { WorkspaceFeedbackQuerySchema } from "@/lib/feedback/listWorkspaceFeedback";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import { SetCheckSchema } from "@/lib/investigation/setCheck";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { ReportQuerySchema } from "@/lib/reports/getReport";
import { ReleaseParamsSchema, ReleaseQuerySchema } from "@/lib/releases/getRelease";
import { ReleasesQuerySchema } from "@/lib/releases/listReleases";
import { CreateSavedSearchSchema } from "@/lib/savedSearches/savedSearches";
import { SearchValuesQuerySchema } from "@/lib/search/server/searchValues";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });
const EventParams = z.object({ id: IdSchema, eventId: z.string() });
const CommentParams = z.object({ id: IdSchema, commentId: IdSchema });
const csvOrJson = { 200: { description: "the rows, streamed (CSV per RFC 4180 or a JSON array)", contentType: "text/csv" } };

/** The issue page, search, bulk changes, exports and reports (issue 12). */
export const triageRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/errors/{id}/events", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "An issue's events, newest first, by cursor; filter by environment, release, user", params: IdParams, query: ListEventsQuerySchema,
    description: "With an ingest key each event's `userId` is null and the `user` filter a 422 naming `user`: the key reads errors, not the end users they happened to.",
    responses: { 200: "`{items, nextCursor}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/events/latest", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "The latest event in full: exception chain, frames with source context, breadcrumbs, request, user, tags, contexts, SDK, neighbours",
    description: "With an ingest key (the DSN's public key) the event comes without its end user: `user`, `userId`, `request`, `extra` null; `breadcrumbs`, `attachments` empty; no frame `vars`, no `user`, `user.*` or `url` tags, only the technical contexts (app, browser, device without its name, GPU, OS, runtime, trace); the `user` filter is a 422. The same for /oldest and /{eventId}. 404 when none is stored; for an issue whose events are past its project's retention (and no filter) the error carries `reason: \"expired\"` and `retentionDays` (also for `oldest`).",
    params: IdParams, query: EventFiltersSchema, responses: { 200: "the event" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/events/oldest", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "The first event in full", params: IdParams, query: EventFiltersSchema, responses: { 200: "the event" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/events/{eventId}", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "One event in full, with the ids of the first, previous, next and latest events", params: EventParams, query: EventFiltersSchema,
    description: "`eventId` as stored, or a UUID event id with or without dashes, in any case (Sentry's ids are stored as 32 lower-case hex digits). An event the issue does not hold answers 404; when another issue of its project holds it now (an unmerge moved it) and the caller may see it, the body names that issue: `movedTo`.",
    responses: { 200: "the event" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/attachments/{id}", tag: "Issues", auth: "session", role: "viewer",
    summary: "A file sent with an event (Sentry attachment items: screenshots, logs), as a download",
    description: "The event's `attachments` (GET /api/v1/errors/{id}/events/{eventId}) and feedback's list their ids. Served as `attachment` with a sandboxing CSP; `inline=1` shows PNG, JPEG, GIF and WebP images in the page. 404 once its event is no longer stored (past retention, trimmed by the per-issue cap, sampled) or its feedback is gone: a file goes with what it came with. Never with an ingest key (401): the files are the end users' data.",
    params: IdParams, query: AttachmentQuerySchema,
    responses: { 200: "the file's bytes" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/events/export", tag: "Issues", auth: "session", role: "member",
    summary: "Every event of an issue as CSV or JSON, streamed", params: IdParams, query: ExportEventsQuerySchema,
    responses: csvOrJson, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/tags", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "Top values with counts and shares per tag key, from the per-issue rollup", params: IdParams, query: TagDistributionQuerySchema,
    description: "An ingest key gets no `user`, `user.*` or `url` tag.",
    responses: { 200: "`{errorId, events, tags}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/activity", tag: "Issues", auth: "sessionOrIngestKey", role: "viewer",
    summary: "Events per UTC hour (24 h) and per UTC day (30 d)", params: IdParams, query: ActivityQuerySchema,
    responses: { 200: "`{errorId, hourly, daily}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/feedback", tag: "Issues", auth: "session", role: "viewer",
    summary: "User feedback on the issue's events (Sentry user_report and feedback items), newest first", params: IdParams, query: IssueFeedbackQuerySchema,
    responses: { 200: "`{errorId, total, items}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/feedback", tag: "Issues", auth: "session", role: "viewer",
    summary: "The workspace's user feedback, newest first, paged, each with the issue of its event (or null)", params: WorkspaceParamsSchema, query: WorkspaceFeedbackQuerySchema,
    responses: { 200: "`{items, page, pageSize, total}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/comments", tag: "Issues", auth: "session", role: "viewer",
    summary: "An issue's newest comments (`limit`, default 100), listed oldest first; `nextCursor` reads the older ones", params: IdParams, query: ListCommentsQuerySchema,
    responses: { 200: "`{items, nextCursor}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/errors/{id}/comments", tag: "Issues", auth: "session", role: "member",
    summary: "Comment on an issue", params: IdParams, body: CreateCommentSchema, responses: { 201: "the comment" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/errors/{id}/comments/{commentId}", tag: "Issues", auth: "session", role: "member",
    summary: "Delete a comment (its author or an admin)", params: CommentParams, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/links", tag: "Issues", auth: "session", role: "viewer",
    summary: "Where the issue is tracked elsewhere (linked issues), oldest first",
    params: IdParams, responses: { 200: "`{items: [{id, url, title, tracker, label, createdAt, createdBy}]}` (`tracker`: github, gitlab, jira, linear, azure or other; `label`: its short name, `acme/shop#42`, `SHOP-123`)" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/errors/{id}/links", tag: "Issues", auth: "session", role: "member",
    summary: "Link the issue to a GitHub, GitLab, Jira, Linear or Azure DevOps issue, or any URL (audited)",
    description: "At most 50 per issue (422 naming `url`); the same address twice is a 409. Merging issues moves their links to the target.",
    params: IdParams, body: CreateIssueLinkSchema, responses: { 201: "the link" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/errors/{id}/links/{linkId}", tag: "Issues", auth: "session", role: "member",
    summary: "Remove a linked issue (audited)", params: IssueLinkParamsSchema, responses: { 204: "removed" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}/investigation", tag: "Issues", auth: "session", role: "viewer",
    summary: "Pattern, similar issues, issues in the same runs and traces, runbook checklist", params: IdParams,
    responses: { 200: "the investigation" }, errors: [401, 404],
  },
  {
    method: "PUT", path: "/api/v1/errors/{id}/investigation/checks", tag: "Issues", auth: "session", role: "member",
    summary: "Tick or untick a runbook checklist item", params: IdParams, body: SetCheckSchema, responses: { 200: "`{key, checked}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/errors/bulk", tag: "Issues", auth: "session", role: "member",
    summary: "Resolve, ignore, reopen, assign or merge many issues in one request, audited per issue (NDJSON progress with Accept: application/x-ndjson)",
    body: BulkRequestSchema, responses: { 200: "`{action, matched, changed, notFound}`" }, errors: [401, 403, 404, 422, 501],
  },
  {
    method: "GET", path: "/api/v1/errors/export", tag: "Issues", auth: "session", role: "member",
    summary: "The issues the list's filters select, as CSV or JSON, streamed", query: ExportErrorsQuerySchema,
    responses: csvOrJson, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/report", tag: "Issues", auth: "session", role: "viewer",
    summary: "Report for a window: totals, top errors, categories, resolution times (JSON or Markdown)", params: WorkspaceParamsSchema, query: ReportQuerySchema,
    responses: { 200: "the report" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/releases", tag: "Issues", auth: "session", role: "viewer",
    summary: "Releases seen in the workspace's errors and sessions, newest first: first/last seen, events, issues, issues it introduced, still open, crash-free sessions, adoption",
    params: WorkspaceParamsSchema, query: ReleasesQuerySchema, responses: { 200: "`{items}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/releases/{version}", tag: "Issues", auth: "session", role: "viewer",
    summary: "One release (the version URL-encoded): its summary as the list has it, the releases before and after it, error events and sessions per UTC day over 30 days, crash-free sessions per environment, the issues it introduced and the issues it carries",
    params: ReleaseParamsSchema, query: ReleaseQuerySchema, responses: { 200: "`{release, previous, next, days, environments, introducedIssues, topIssues}`" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/saved-searches", tag: "Issues", auth: "session", role: "viewer",
    summary: "The caller's saved searches", params: WorkspaceParamsSchema, responses: { 200: "`{items}`" }, errors: [401, 404],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/saved-searches", tag: "Issues", auth: "session", role: "viewer",
    summary: "Save a search under a name", params: WorkspaceParamsSchema, body: CreateSavedSearchSchema, responses: { 201: "the saved search" }, errors: [401, 404, 409, 422],
  },
  {
    method: "DELETE", path: "/api/v1/saved-searches/{id}", tag: "Issues", auth: "session", role: "viewer",
    summary: "Delete one of the caller's saved searches", params: IdParams, responses: { 204: "deleted" }, errors: [401, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/search-values", tag: "Issues", auth: "session", role: "viewer",
    summary: "Search-box suggestions: tag keys in use, or a key's most frequent values", params: WorkspaceParamsSchema, query: SearchValuesQuerySchema,
    responses: { 200: "`{keys, values}`" }, errors: [401, 404, 422],
  },
];
