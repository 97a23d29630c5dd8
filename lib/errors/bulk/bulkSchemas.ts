import { z } from "zod";
import { ErrorFiltersSchema } from "@/lib/errors/errorSchemas";
import { StatusDetailsSchema } from "@/lib/errors/triage/statusDetails";
import { MAX_MERGE_SOURCES } from "@/lib/grouping/merge/mergeSchemas";
import { IdSchema } from "@/lib/domain/idSchema";

export const BULK_ACTIONS = ["resolve", "ignore", "reopen", "assign", "merge"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Selected ids are capped; "select all matching" by query is capped higher (narrow the search beyond). */
export const MAX_BULK_IDS = 5_000;
export const MAX_BULK_MATCHES = 50_000;

/**
 * POST /api/v1/errors/bulk: `{ids}` or a selection by search (`workspaceId` + `query` and the list's
 * other filters), an action, and what the action needs (statusDetails, assigneeId / assigneeTeamId,
 * targetId). Here `assigneeId` and `assigneeTeamId` are the assignees to set; a selection by
 * assignee is `query: "assigned:…"` (or the `assigned` / `teamId` filters). Merge takes ids only
 * (2 to MAX_MERGE_SOURCES + 1 issues of one project): merging "everything matching" is too blunt.
 */
export const BulkRequestSchema = ErrorFiltersSchema.omit({ assigneeId: true }).extend({
  ids: z.array(IdSchema).min(1).max(MAX_BULK_IDS).optional(),
  action: z.enum(BULK_ACTIONS),
  statusDetails: StatusDetailsSchema.optional(),
  assigneeId: IdSchema.nullable().optional(),
  assigneeTeamId: IdSchema.nullable().optional(),
  /** merge: the issue the others are merged into (default: the selected issue with the most events). */
  targetId: IdSchema.optional(),
})
  .strict()
  .superRefine((v, ctx) => {
    const byQuery = v.query !== undefined || v.workspaceId !== undefined;
    if (!v.ids && !byQuery) ctx.addIssue({ code: "custom", path: ["ids"], message: "give ids, or workspaceId and query to select all matching" });
    if (v.ids && v.query !== undefined) ctx.addIssue({ code: "custom", path: ["query"], message: "give either ids or a query, not both" });
    if (!v.ids && v.workspaceId === undefined) ctx.addIssue({ code: "custom", path: ["workspaceId"], message: "a selection by query needs its workspaceId" });
    if (v.action === "assign" && v.assigneeId === undefined && v.assigneeTeamId === undefined) {
      ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "assign needs assigneeId or assigneeTeamId (null to unassign)" });
    }
    if (v.action !== "assign" && v.assigneeId !== undefined) ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "assigneeId goes with action assign" });
    if (v.action !== "assign" && v.assigneeTeamId !== undefined) ctx.addIssue({ code: "custom", path: ["assigneeTeamId"], message: "assigneeTeamId goes with action assign" });
    if (v.action === "merge") {
      if (!v.ids || new Set(v.ids).size < 2) ctx.addIssue({ code: "custom", path: ["ids"], message: "merge needs the ids of two or more issues" });
      else if (v.ids.length > MAX_MERGE_SOURCES + 1) ctx.addIssue({ code: "custom", path: ["ids"], message: `merge takes at most ${MAX_MERGE_SOURCES + 1} issues at once` });
      if (v.targetId && v.ids && !v.ids.includes(v.targetId)) ctx.addIssue({ code: "custom", path: ["targetId"], message: "must be one of ids" });
    }
    if (v.action !== "merge" && v.targetId !== undefined) ctx.addIssue({ code: "custom", path: ["targetId"], message: "targetId goes with action merge" });
    const d = v.statusDetails;
    if (d?.inNextRelease && v.action !== "resolve") ctx.addIssue({ code: "custom", path: ["statusDetails"], message: "inNextRelease goes with action resolve" });
    if ((d?.ignoreCount || d?.ignoreUserCount || d?.ignoreDurationMinutes) && v.action !== "ignore") {
      ctx.addIssue({ code: "custom", path: ["statusDetails"], message: "ignore conditions go with action ignore" });
    }
  });
export type BulkRequest = z.infer<typeof BulkRequestSchema>;

export interface BulkProgress {
  done: number;
  total: number;
}

export interface BulkResult {
  action: BulkAction;
  /** Issues selected (visible to the caller). */
  matched: number;
  /** Issues the action changed (each audited); the rest already were in that state. */
  changed: number;
  /** Requested ids that do not exist or are not visible to the caller. */
  notFound: string[];
  /** merge: the issue the others were merged into. */
  targetId?: string;
}
