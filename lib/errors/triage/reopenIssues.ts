import type pg from "pg";
import { enqueueIngestBatch } from "@/lib/alerts/evaluate/ingestQueue";
import { pool } from "@/lib/db/pool";
import { isNewerRelease } from "@/lib/errors/triage/compareReleases";
import { releasesAfterResolution } from "@/lib/errors/triage/reopenConditions";
import { stopDiscardingGroups } from "@/lib/errors/triage/stopDiscardingGroup";

const REOPEN_IGNORED_SQL = (scope: string) => `
WITH candidate AS (
  SELECT id, "workspaceId",
    CASE
      WHEN "ignoredUntil" IS NOT NULL AND "ignoredUntil" <= $2 THEN 'the ignore period ended'
      WHEN "ignoreUntilEvents" IS NOT NULL AND "occurrenceCount" >= "ignoreUntilEvents" THEN 'the event count it was ignored until was reached'
      ELSE 'the user count it was ignored until was reached'
    END AS reason
  FROM "ErrorGroup"
  WHERE ${scope} AND status = 'ignored' AND (
    ("ignoredUntil" IS NOT NULL AND "ignoredUntil" <= $2)
    OR ("ignoreUntilEvents" IS NOT NULL AND "occurrenceCount" >= "ignoreUntilEvents")
    OR ("ignoreUntilUsers" IS NOT NULL AND "usersAffected" >= "ignoreUntilUsers"))
  ORDER BY id
  FOR UPDATE
), upd AS (
  UPDATE "ErrorGroup" g SET status = 'new', "ignoredUntil" = NULL, "ignoreUntilEvents" = NULL, "ignoreUntilUsers" = NULL, "updatedAt" = $2
  FROM candidate c WHERE g.id = c.id AND g.status = 'ignored'
  RETURNING g.id, g."workspaceId", c.reason
), audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
  SELECT gen_random_uuid(), "workspaceId", NULL, 'system', 'error.reopened', 'error', id::text,
    '{"status":"ignored"}'::jsonb, jsonb_build_object('status', 'new', 'reason', reason), $2 FROM upd
)
SELECT id, "workspaceId", reason FROM upd`;

/**
 * Reopens ignored issues whose condition is met: among `groupIds` (after ingest), or every issue
 * whose ignore period ran out (the job). One statement per call; rows are locked and re-checked, so
 * with several instances each issue reopens (and is audited) once.
 */
export async function reopenIgnored(scope: { groupIds: string[] } | { expiredBy: Date }, now: Date, client?: pg.PoolClient): Promise<ReopenedIssue[]> {
  const db = client ?? pool();
  if ("groupIds" in scope && scope.groupIds.length === 0) return [];
  const { rows } =
    "groupIds" in scope
      ? await db.query<ReopenedIssue>(REOPEN_IGNORED_SQL(`id = ANY($1::uuid[])`), [scope.groupIds, now])
      : await db.query<ReopenedIssue>(REOPEN_IGNORED_SQL(`"ignoredUntil" <= $1`), [scope.expiredBy, now]);
  // Reopened: its new events are wanted again (an issue discarded, then ignored for a while).
  if (rows.length > 0) await stopDiscardingGroups(rows.map((r) => r.id));
  return rows;
}

interface ReopenedIssue {
  id: string;
  workspaceId: string;
  reason: string;
}

interface NextReleaseCandidate {
  id: string;
  workspaceId: string;
  projectId: string;
  resolvedRelease: string | null;
  resolvedAt: Date | null;
  severity: string;
  type: string;
  message: string;
}

/**
 * Issues resolved "in the next release" that just received events: reopened (regressed, audited,
 * regression alert) when one of those events happened after the resolution and has a release newer
 * than the one current at resolution. `releasesByGroup`: per group, each release's latest event time.
 */
export async function reopenForNewerRelease(releasesByGroup: Map<string, Map<string, Date>>, now: Date): Promise<string[]> {
  const ids = [...releasesByGroup.keys()];
  if (ids.length === 0) return [];
  const { rows } = await pool().query<NextReleaseCandidate>(
    `SELECT id, "workspaceId", "projectId", "resolvedRelease", "resolvedAt", severity::text, type, message FROM "ErrorGroup"
     WHERE id = ANY($1::uuid[]) AND status = 'resolved' AND "resolvedInNextRelease"`,
    [ids],
  );
  const reopened: string[] = [];
  for (const group of rows) {
    const releases = releasesAfterResolution(releasesByGroup.get(group.id) ?? new Map(), group.resolvedAt);
    if (releases.length === 0) continue;
    const { rows: seen } = await pool().query<{ value: string; firstSeen: Date }>(
      `SELECT value, "firstSeen" FROM "ErrorGroupTag" WHERE "groupId" = $1 AND key = 'release' AND value = ANY($2::text[])`,
      [group.id, releases],
    );
    const firstSeen = new Map(seen.map((s) => [s.value, s.firstSeen]));
    const newer = releases.find((release) => isNewerRelease({ candidate: release, baseline: group.resolvedRelease, candidateFirstSeen: firstSeen.get(release) ?? null, resolvedAt: group.resolvedAt }));
    if (!newer) continue;
    const { rowCount } = await pool().query(
      `WITH upd AS (
         UPDATE "ErrorGroup" SET status = 'new', "regressedAt" = $2, regressed = true, "resolvedAt" = NULL, "resolvedInNextRelease" = false, "resolvedRelease" = NULL, "updatedAt" = $2
         WHERE id = $1 AND status = 'resolved' AND "resolvedInNextRelease" RETURNING id, "workspaceId"
       )
       INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
       SELECT gen_random_uuid(), "workspaceId", NULL, 'system', 'error.regressed', 'error', id::text,
         jsonb_build_object('status', 'resolved', 'statusDetails', jsonb_build_object('inNextRelease', true, 'resolvedRelease', $3::text)),
         jsonb_build_object('status', 'new', 'release', $4::text), $2 FROM upd`,
      [group.id, now, group.resolvedRelease, newer],
    );
    if (!rowCount) continue;
    reopened.push(group.id);
    enqueueIngestBatch({
      workspaceId: group.workspaceId,
      groups: [{ groupId: group.id, projectId: group.projectId, groupSeverity: group.severity as never, type: group.type, message: group.message, counts: {} }],
      newGroupIds: [],
      regressedGroupIds: [group.id],
    });
  }
  return reopened;
}
