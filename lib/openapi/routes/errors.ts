import { z } from "zod";
import { ListErrorsQuerySchema, UpdateErrorSchema } from "@/lib/errors/errorSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { IdSchema } from "@/lib/domain/idSchema";

const IdParams = z.object({ id: IdSchema });

export const errorRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/v1/errors", tag: "Errors", auth: "sessionOrIngestKey", role: "viewer",
    summary: "Error groups in the caller's workspaces: filtered (search syntax in `query`), sorted, paged by number or by cursor, with per-row stats", query: ListErrorsQuerySchema,
    description:
      "`since` / `until` keep the issues seen in that window (environment and tag filters then mean an event with the value in it); a `lastSeen:` or `firstSeen:` term in `query` chooses the issues by date itself, and `since` / `until` are then not applied. Two ways to page. By number: `page` (an offset; `total` counts the matches). By cursor: send each page's `nextCursor` back as `cursor`, with the same filters, `sort` and `order`, until it is null — keyset paging on (sort key, id), as cheap at the thousandth page as at the first. While issues change, numbered pages can repeat and skip issues; a cursor walk returns every issue that does not change during it exactly once. An issue whose sort key moves during the walk may be missed (moved ahead of the cursor: an event bumping `lastSeen` in the default order) or come a second time (moved behind it: `lastSeen` ascending); see the README, Paging the issue list. A page read by cursor answers `page` and `total` null (count once, with the first page). `cursor` with `page`: 422 naming both; a cursor that is not a previous page's, or one made for another sort or order: 422 naming `cursor`. `sort=occurrences` and `users` order by the issue's all-time totals, not by `stats.events`; `stats.events` and `stats.sparkline` count the period's events in the environments the search names (exact or prefix), of every release, and `stats.lastSeen` follows its environments and releases. A `workspaceId` the caller is not in: 404; one of theirs that requires two-factor sign-in they have not turned on: 403 `two_factor_required` (with `workspaceId`). An ingest key reads its project's issues without their people and end users: a `user:`, `user.id:`, `user.*` or `url:` term is a 422 naming `query` for it.",
    responses: { 200: "`{items, page, pageSize, total, nextCursor, stats}`" }, errors: [401, 403, 404, 422],
  },
  {
    method: "GET", path: "/api/v1/errors/{id}", tag: "Errors", auth: "sessionOrIngestKey", role: "viewer",
    summary: "One error group with recent occurrences and its audit trail", params: IdParams,
    description: "`sampling` is `{storedEvents, sampledEvents, expiredEvents, lastSampledAt, issueCap}` when spike protection or the per-issue cap counted events without storing them (null otherwise; stored ones past the project's retention are in `expiredEvents`, not `storedEvents`). `retention` is `{days, expiredEvents}`: the project's retention and how many of the issue's stored events it deleted (with `recentOccurrences` empty, its events are past it; the issue keeps its counts, users and history). Each `audit` entry of a merge or unmerge names the other issues: `issues: [{errorId, title}]` (`errorId` null for a merged issue gone since). `context` holds what the issue keeps of its first event, nothing about the end user: `environment`, `release`, `agentId`, `runId`, `metadata.sourceMapDebugIds`. An issue merged into another answers 404 with `mergedInto`: the id of the issue that holds its events now (followed through later merges; signed-in members of its workspace only). An issue of a workspace of the caller's that requires two-factor sign-in they have not turned on: 403 `two_factor_required` (with `workspaceId`). An ingest key gets it without its people (`assignee`, `resolvedByUser` null, `audit` empty, the resolution's notes blank) and end users (`context` null, frames without `vars`; each recent occurrence's `userId` and `metadata` null, its `user`, `user.*` and `url` tags and its frames' `vars` left out).",
    responses: { 200: "the group" }, errors: [401, 403, 404],
  },
  {
    method: "PATCH", path: "/api/v1/errors/{id}", tag: "Errors", auth: "session", role: "member",
    summary: "Triage: status (with statusDetails: next release, ignore conditions), assignee, resolution, root cause, preventive measures (audited)",
    params: IdParams, body: UpdateErrorSchema,
    description: "`assigneeId` is a member or admin of the issue's workspace (a viewer or a non-member: 422 naming `assigneeId`). The person and the team are checked against each other only when the request sets one of them: a status change alone never fails on the assignee.",
    responses: { 200: "the updated group" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/errors/{id}", tag: "Errors", auth: "session", role: "admin",
    summary: "Delete the issue with its events, attachments, user feedback, tags, users and rollup shares (audited)", params: IdParams,
    description:
      "In one short transaction the issue is marked deleting: it answers 404 and leaves every list, search, export and view at once, the dashboard's counts (timeline, totals, per-issue rollups) no longer include its events, its open alerts are closed, and ingest drops the events that would join it. Answered 202 then; the `project-deletion` job deletes its events in batches of short transactions — each with what it counted per user, agent, recovery outcome and release — and their event ids, attachments, user feedback and forwarded copies, then its users, tags and fingerprints and the issue last (it finishes after a restart). A later event with the same fingerprint opens a new issue; to drop its future events instead, discard the issue (`POST /api/v1/errors/{id}/discard`). The audit entry (`error.deleted`) keeps the issue's type and counts, not its message.",
    responses: { 202: "`{id, status: \"deleting\", deletingAt, events, next}`" }, errors: [401, 403, 404],
  },
];
