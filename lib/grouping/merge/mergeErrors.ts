import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/pool";
import { saturatingAddSql, saturatingSumSql } from "@/lib/db/saturatingCounter";
import { findVisibleError } from "@/lib/errors/findVisibleError";
import { foldFingerprintCounts } from "@/lib/grouping/merge/foldFingerprintCounts";
import { moveGroupAlerts, moveGroupRollups } from "@/lib/grouping/merge/moveGroupData";
import { mergeGroupTriage } from "@/lib/grouping/merge/moveGroupTriage";
import { moveViewGroupRollups, recomputeViewBits, relabelMergedSeverity } from "@/lib/grouping/merge/moveViewRollups";
import type { MergeErrorsInput } from "@/lib/grouping/merge/mergeSchemas";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { recomputeFirstRelease } from "@/lib/grouping/merge/recomputeFirstRelease";

export interface MergeResult {
  targetId: string;
  mergedIds: string[];
  /** Fingerprints whose future events now join the target. */
  fingerprints: string[];
  occurrences: number;
}

/**
 * Merges issues into one (members and admins): the sources' events, rollups, users, agents, cascade
 * links and alerts move to the target, their fingerprints (and any that already led to them) lead
 * to the target from now on, the sources are removed, and both sides are audited. All of one
 * project; one transaction that holds the project's grouping lock, so no event lands in a source
 * while it is folded away.
 */
export async function mergeErrors(auth: AuthContext, input: MergeErrorsInput): Promise<MergeResult> {
  const target = await findVisibleError(auth, input.targetId);
  assertCanTriage(auth, target.workspaceId);
  const sources = [];
  for (const id of input.sourceIds) {
    const source = await findVisibleError(auth, id);
    if (source.projectId !== target.projectId) {
      throw ApiError.validation("sourceIds: every issue must belong to the target's project", [{ path: "sourceIds", message: "belongs to another project" }]);
    }
    sources.push(source);
  }
  const actorId = auth.kind === "user" ? auth.userId : null;
  const sourceIds = sources.map((s) => s.id);

  return withTransaction(async (client) => {
    // The project's grouping lock, exclusively; a project whose deletion began is not written to.
    if (!(await lockLiveProject(client, target.projectId, "exclusive"))) throw ApiError.notFound("error not found");
    const { rows: locked } = await client.query<{ id: string; fingerprint: string; severity: string; type: string; message: string; occurrenceCount: number }>(
      `SELECT id::text, fingerprint, severity::text, type, message, "occurrenceCount" FROM "ErrorGroup" WHERE id = ANY($1::uuid[]) AND "deletingAt" IS NULL ORDER BY id FOR UPDATE`,
      [[target.id, ...sourceIds]],
    );
    const lockedTarget = locked.find((g) => g.id === target.id);
    const lockedSources = locked.filter((g) => g.id !== target.id);
    if (!lockedTarget || lockedSources.length !== sourceIds.length) throw new ApiError(409, "conflict", "an issue changed while merging (merged or deleted meanwhile); reload and try again");

    // What each fingerprint brings, kept apart for an unmerge (before anything of the sources moves).
    await foldFingerprintCounts(client, sourceIds, { id: target.id, projectId: target.projectId });
    const viewTarget = { id: target.id, severity: lockedTarget.severity, workspaceId: target.workspaceId, projectId: target.projectId };
    await relabelMergedSeverity(client, sourceIds, viewTarget);
    const { rowCount: moved } = await client.query(
      `UPDATE "ErrorOccurrence" o SET "groupId" = $2::uuid, fingerprint = coalesce(o.fingerprint, s.fingerprint)
       FROM "ErrorGroup" s WHERE s.id = o."groupId" AND o."groupId" = ANY($1::uuid[])`,
      [sourceIds, target.id],
    );
    // Event ids keep pointing at the issue that now holds their events (idempotency rows, spike-sampled
    // ones too), with their fingerprint, by which an unmerge moves those not stored: a source's own
    // events' (null) is the source's fingerprint now.
    await client.query(
      `UPDATE "ErrorEventId" e SET "groupId" = $2::uuid, fingerprint = coalesce(e.fingerprint, s.fingerprint)
       FROM "ErrorGroup" s WHERE s.id = e."groupId" AND e."projectId" = $3::uuid AND e."groupId" = ANY($1::uuid[])`,
      [sourceIds, target.id, target.projectId],
    );
    // A cron or uptime monitor whose failures were a merged issue's: its recovery resolves, and its page links, the one that holds them now.
    await client.query(`UPDATE "CronMonitor" SET "groupId" = $2::uuid WHERE "groupId" = ANY($1::uuid[])`, [sourceIds, target.id]);
    await moveGroupRollups(client, sourceIds, viewTarget);
    await moveViewGroupRollups(client, sourceIds, viewTarget);
    await recomputeViewBits(client, [target.id]);
    await moveGroupAlerts(client, sourceIds, target.id);
    await mergeGroupTriage(client, sourceIds, target.id);
    await recomputeFirstRelease(client, [target.id]);

    const { rows: redirected } = await client.query<{ fingerprint: string }>(
      `WITH repointed AS (
         UPDATE "GroupFingerprint" SET "groupId" = $2::uuid WHERE "groupId" = ANY($1::uuid[]) RETURNING fingerprint
       ), own AS (
         INSERT INTO "GroupFingerprint" ("projectId", fingerprint, "groupId", kind)
         SELECT $3::uuid, fingerprint, $2::uuid, 'merged' FROM "ErrorGroup" WHERE id = ANY($1::uuid[])
         ON CONFLICT ("projectId", fingerprint) DO UPDATE SET "groupId" = excluded."groupId", kind = 'merged'
         RETURNING fingerprint
       )
       SELECT fingerprint FROM repointed UNION SELECT fingerprint FROM own`,
      [sourceIds, target.id, target.projectId],
    );

    await client.query(
      `UPDATE "ErrorGroup" t SET
         "occurrenceCount" = t."occurrenceCount" + s.n, "creditsLost" = t."creditsLost" + s.credits,
         "executionsAffected" = ${saturatingAddSql(`t."executionsAffected"`, "s.executions")}, "cascadingFailures" = t."cascadingFailures" + s.cascades,
         "firstSeen" = LEAST(t."firstSeen", s.first), "lastSeen" = GREATEST(t."lastSeen", s.last),
         "sampledCount" = t."sampledCount" + s.sampled, "lastSampledAt" = GREATEST(t."lastSampledAt", s."lastSampled"),
         "expiredCount" = t."expiredCount" + s.expired,
         "usersAffected" = (SELECT count(*) FROM "ErrorGroupUser" u WHERE u."groupId" = t.id),
         "agentsAffected" = (SELECT count(*) FROM "ErrorGroupAgent" a WHERE a."groupId" = t.id),
         "updatedAt" = now()
       FROM (SELECT sum("occurrenceCount")::int AS n, sum("creditsLost") AS credits, ${saturatingSumSql(`"executionsAffected"`)} AS executions,
               sum("cascadingFailures")::int AS cascades, min("firstSeen") AS first, max("lastSeen") AS last,
               sum("sampledCount")::int AS sampled, max("lastSampledAt") AS "lastSampled", sum("expiredCount")::int AS expired
             FROM "ErrorGroup" WHERE id = ANY($1::uuid[])) s
       WHERE t.id = $2::uuid`,
      [sourceIds, target.id],
    );
    await client.query(`DELETE FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [sourceIds]);

    const snapshot = lockedSources.map((s) => ({ errorId: s.id, fingerprint: s.fingerprint, type: s.type, message: s.message, occurrences: s.occurrenceCount }));
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       SELECT x.id, $1::uuid, $2::uuid, 'user', x.action, 'error', x."targetId", x.before, x.after
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, action text, "targetId" text, before jsonb, after jsonb)`,
      [
        target.workspaceId,
        actorId,
        JSON.stringify([
          { id: uuidv7(), action: "error.merged", targetId: target.id, before: null, after: { merged: snapshot } },
          ...snapshot.map((s) => ({ id: uuidv7(), action: "error.merged_into", targetId: s.errorId, before: s, after: { targetId: target.id } })),
        ]),
      ],
    );
    return { targetId: target.id, mergedIds: sourceIds, fingerprints: redirected.map((r) => r.fingerprint).sort(), occurrences: moved ?? 0 };
  });
}
