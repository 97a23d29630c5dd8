import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage, canViewWorkspace } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyBulkChunk, type BulkChange, type ChangedIssue } from "@/lib/errors/bulk/applyBulkChunk";
import { followUpChanges } from "@/lib/errors/bulk/followUpChanges";
import { MAX_BULK_MATCHES, type BulkProgress, type BulkRequest, type BulkResult } from "@/lib/errors/bulk/bulkSchemas";
import { buildErrorWhere } from "@/lib/errors/search/buildErrorWhere";
import { mergeErrors } from "@/lib/grouping/merge/mergeErrors";
import { ApiError } from "@/lib/http/ApiError";
import { assertAssignable } from "@/lib/assignment/assertAssignable";

const CHUNK = 500;

export interface PreparedBulk {
  total: number;
  /** Runs the action chunk by chunk (one transaction each), reporting progress after every chunk. */
  run(onProgress?: (progress: BulkProgress) => void): Promise<BulkResult>;
}

/**
 * Checks a bulk request before anything changes (422 / 403 / 404 surface here, before a streamed
 * response starts): the selection, the caller's triage role in every workspace involved, the
 * assignee's membership. Then `run` applies the action, audited per issue.
 */
export async function prepareBulk(auth: AuthContext, input: BulkRequest): Promise<PreparedBulk> {
  if (input.action === "merge") return prepareMerge(auth, input.ids ?? [], input.targetId);
  const actorId = auth.kind === "user" ? auth.userId : null;
  const change = toChange(input);
  const selection = input.ids ? await selectByIds(auth, input.ids) : await selectByQuery(auth, input);
  for (const workspaceId of selection.workspaceIds) assertCanTriage(auth, workspaceId);
  if (change.action === "assign") await assertAssignees(change, selection.workspaceIds);

  return {
    total: selection.total,
    async run(onProgress) {
      let done = 0;
      let changed = 0;
      for await (const ids of selection.chunks()) {
        const rows: ChangedIssue[] = await applyBulkChunk(ids, change, actorId, new Date());
        await followUpChanges(rows, actorId);
        changed += rows.length;
        done += ids.length;
        onProgress?.({ done, total: selection.total });
      }
      return { action: input.action, matched: selection.total, changed, notFound: selection.notFound };
    },
  };
}

interface Selection {
  total: number;
  workspaceIds: string[];
  notFound: string[];
  chunks(): AsyncIterable<string[]>;
}

async function selectByIds(auth: AuthContext, requested: string[]): Promise<Selection> {
  const ids = [...new Set(requested)];
  // An issue being deleted is not found (lib/errors/deletion).
  const rows = await db().errorGroup.findMany({ where: { id: { in: ids }, deletingAt: null }, select: { id: true, workspaceId: true, projectId: true } });
  const visible = rows.filter((r) => canViewWorkspace(auth, r.workspaceId) && (auth.kind !== "ingestKey" || r.projectId === auth.projectId));
  const found = new Set(visible.map((r) => r.id));
  const selected = visible.map((r) => r.id).sort();
  return {
    total: selected.length,
    workspaceIds: [...new Set(visible.map((r) => r.workspaceId))],
    notFound: ids.filter((id) => !found.has(id)),
    async *chunks() {
      for (let i = 0; i < selected.length; i += CHUNK) yield selected.slice(i, i + CHUNK);
    },
  };
}

/** "Select all matching": the list's filters; issues are walked by id, so the action's own effect on the filter cannot skip any. */
async function selectByQuery(auth: AuthContext, input: BulkRequest): Promise<Selection> {
  // `assigneeId` is the assignee to set here, not a filter.
  const { where } = await buildErrorWhere(auth, { ...input, assigneeId: undefined });
  const total = await db().errorGroup.count({ where });
  if (total > MAX_BULK_MATCHES) {
    throw ApiError.validation(`the search matches ${total} issues; narrow it to at most ${MAX_BULK_MATCHES}`, [{ path: "query", message: `matches more than ${MAX_BULK_MATCHES} issues` }]);
  }
  // The snapshot of matching ids is taken as the walk goes; ids matched at the start bound the walk.
  return {
    total,
    workspaceIds: [input.workspaceId!],
    notFound: [],
    async *chunks() {
      let after: string | null = null;
      let remaining = total;
      while (remaining > 0) {
        const page: { id: string }[] = await db().errorGroup.findMany({
          where: { AND: [where, ...(after ? [{ id: { gt: after } } satisfies Prisma.ErrorGroupWhereInput] : [])] },
          orderBy: { id: "asc" },
          take: Math.min(CHUNK, remaining),
          select: { id: true },
        });
        if (page.length === 0) return;
        after = page[page.length - 1].id;
        remaining -= page.length;
        yield page.map((p) => p.id);
      }
    },
  };
}

function toChange(input: BulkRequest): BulkChange {
  switch (input.action) {
    case "resolve":
      return { action: "resolve", statusDetails: input.statusDetails };
    case "ignore":
      return { action: "ignore", statusDetails: input.statusDetails };
    case "reopen":
      return { action: "reopen" };
    case "assign":
      return { action: "assign", assigneeId: input.assigneeId, assigneeTeamId: input.assigneeTeamId };
    case "merge":
      throw new Error("merge is prepared by prepareMerge");
  }
}

/**
 * Bulk merge: the selected issues into one (the given target, else the one with the most events),
 * through the same merge as `POST /api/v1/errors/merge` (one transaction, audited on both sides).
 */
async function prepareMerge(auth: AuthContext, requested: string[], targetId: string | undefined): Promise<PreparedBulk> {
  const selection = await selectByIds(auth, requested);
  if (selection.notFound.length > 0) throw ApiError.notFound(`issue ${selection.notFound[0]} not found`);
  for (const workspaceId of selection.workspaceIds) assertCanTriage(auth, workspaceId);
  const ids = [...new Set(requested)];
  const target =
    targetId ??
    (await db().errorGroup.findFirst({ where: { id: { in: ids } }, orderBy: [{ occurrenceCount: "desc" }, { firstSeen: "asc" }], select: { id: true } }))!.id;
  return {
    total: ids.length,
    async run(onProgress) {
      const merged = await mergeErrors(auth, { targetId: target, sourceIds: ids.filter((id) => id !== target) });
      onProgress?.({ done: ids.length, total: ids.length });
      return { action: "merge", matched: ids.length, changed: merged.mergedIds.length, notFound: [], targetId: merged.targetId };
    },
  };
}

async function assertAssignees(change: Extract<BulkChange, { action: "assign" }>, workspaceIds: string[]): Promise<void> {
  if (change.assigneeId) await assertAssignable(change.assigneeId, workspaceIds);
  if (!change.assigneeTeamId) return;
  const team = await db().team.findUnique({ where: { id: change.assigneeTeamId }, select: { workspaceId: true } });
  if (!team || workspaceIds.some((w) => w !== team.workspaceId)) {
    throw ApiError.validation("assigneeTeamId: not a team of the selection's workspace", [{ path: "assigneeTeamId", message: "not a team of this workspace" }]);
  }
  if (change.assigneeId && !(await db().teamMember.findUnique({ where: { teamId_userId: { teamId: change.assigneeTeamId, userId: change.assigneeId } } }))) {
    throw ApiError.validation("assigneeId: not a member of the team assigned", [{ path: "assigneeId", message: "not a member of assigneeTeamId" }]);
  }
}
