import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { latestReleasesOf } from "@/lib/errors/triage/latestRelease";
import { hasIgnoreCondition, type StatusDetails } from "@/lib/errors/triage/statusDetails";
import { stopDiscardingGroups } from "@/lib/errors/triage/stopDiscardingGroup";

export type BulkChange =
  | { action: "resolve"; statusDetails?: StatusDetails }
  | { action: "ignore"; statusDetails?: StatusDetails }
  | { action: "reopen" }
  /** `undefined` leaves that side as it is (or clears it when it no longer fits the side that is set). */
  | { action: "assign"; assigneeId?: string | null; assigneeTeamId?: string | null };

/** One changed issue: what it was and what it is now, for alert / metrics follow-ups. */
export interface ChangedIssue {
  id: string;
  workspaceId: string;
  beforeStatus: string;
  status: string;
  severity: string;
  category: string;
  firstSeen: Date;
  resolvedAt: Date | null;
}

// Rows are locked in id order so two bulk requests over overlapping selections cannot deadlock.
// Resolving or ignoring ends a regression (\`regressed\`; regressedAt stays, for reports and episodes).
const TARGET = `target AS (
  SELECT id, "workspaceId", status, "assigneeId", "assigneeTeamId", "occurrenceCount", "usersAffected", "resolvedInNextRelease",
    "ignoredUntil", "ignoreUntilEvents", "ignoreUntilUsers", "acknowledgedAt", "regressedAt"
  FROM "ErrorGroup" WHERE id = ANY($1::uuid[]) AND "deletingAt" IS NULL ORDER BY id FOR UPDATE
)`;

const AUDIT = (action: string, before: string, after: string) => `audit AS (
  INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after, at)
  SELECT gen_random_uuid(), "workspaceId", $2::uuid, 'user', ${action}, 'error', id::text, ${before}, ${after}, $3::timestamptz FROM upd
)
SELECT id, "workspaceId", "beforeStatus", status, severity::text, category, "firstSeen", "resolvedAt" FROM upd`;

const RETURNING = `RETURNING g.id, g."workspaceId", t.status::text AS "beforeStatus", g.status::text AS status, g.severity, g.category,
    g."firstSeen", g."resolvedAt", t."assigneeId" AS "beforeAssignee", g."assigneeId",
    t."assigneeTeamId" AS "beforeTeam", g."assigneeTeamId"`;

// The first move out of "new" in an episode (never, or not since the last regression) stamps acknowledgedAt,
// as a single update does (time to acknowledge, docs/metrics.md).
const ACKNOWLEDGED = `"acknowledgedAt" = CASE WHEN t.status = 'new'
      AND (t."acknowledgedAt" IS NULL OR (t."regressedAt" IS NOT NULL AND t."acknowledgedAt" < t."regressedAt"))
    THEN $3::timestamptz ELSE g."acknowledgedAt" END`;

const RESOLVE_SQL = `WITH ${TARGET}, upd AS (
  UPDATE "ErrorGroup" g SET
    status = 'resolved',
    "resolvedAt" = CASE WHEN t.status = 'resolved' THEN g."resolvedAt" ELSE $3::timestamptz END,
    "resolvedById" = CASE WHEN t.status = 'resolved' THEN g."resolvedById" ELSE $2::uuid END,
    -- An issue with no release has no next release to wait for: resolved now.
    "resolvedInNextRelease" = $4::boolean AND ($5::jsonb ->> g.id::text) IS NOT NULL,
    "resolvedRelease" = CASE WHEN $4::boolean THEN $5::jsonb ->> g.id::text END,
    "ignoredUntil" = NULL, "ignoreUntilEvents" = NULL, "ignoreUntilUsers" = NULL, "updatedAt" = $3::timestamptz,
    regressed = false,
    ${ACKNOWLEDGED}
  FROM target t WHERE g.id = t.id AND (t.status <> 'resolved' OR t."resolvedInNextRelease" <> ($4::boolean AND ($5::jsonb ->> g.id::text) IS NOT NULL))
  ${RETURNING}
), ${AUDIT(`'error.resolved'`, `jsonb_build_object('status', "beforeStatus")`, `jsonb_build_object('status', 'resolved') || CASE WHEN $4::boolean THEN '{"statusDetails":{"inNextRelease":true}}'::jsonb ELSE '{}'::jsonb END`)}`;

const IGNORE_SQL = `WITH ${TARGET}, upd AS (
  UPDATE "ErrorGroup" g SET
    status = 'ignored',
    "resolvedAt" = CASE WHEN t.status = 'resolved' THEN NULL ELSE g."resolvedAt" END,
    "resolvedInNextRelease" = false, "resolvedRelease" = NULL,
    "ignoredUntil" = $4::timestamptz,
    "ignoreUntilEvents" = CASE WHEN $5::int IS NULL THEN NULL ELSE t."occurrenceCount" + $5::int END,
    "ignoreUntilUsers" = CASE WHEN $6::int IS NULL THEN NULL ELSE t."usersAffected" + $6::int END,
    "updatedAt" = $3::timestamptz, regressed = false,
    ${ACKNOWLEDGED}
  FROM target t WHERE g.id = t.id AND (t.status <> 'ignored' OR $4::timestamptz IS NOT NULL OR $5::int IS NOT NULL OR $6::int IS NOT NULL
    OR t."ignoredUntil" IS NOT NULL OR t."ignoreUntilEvents" IS NOT NULL OR t."ignoreUntilUsers" IS NOT NULL)
  ${RETURNING}
), ${AUDIT(
  `CASE WHEN "beforeStatus" = 'ignored' THEN 'error.updated' ELSE 'error.ignored' END`,
  `jsonb_build_object('status', "beforeStatus")`,
  `jsonb_build_object('status', 'ignored') || CASE WHEN $7::jsonb IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('statusDetails', $7::jsonb) END`,
)}`;

const REOPEN_SQL = `WITH ${TARGET}, upd AS (
  UPDATE "ErrorGroup" g SET
    status = 'new', "resolvedAt" = NULL, "resolvedInNextRelease" = false, "resolvedRelease" = NULL,
    "ignoredUntil" = NULL, "ignoreUntilEvents" = NULL, "ignoreUntilUsers" = NULL, "updatedAt" = $3::timestamptz
  FROM target t WHERE g.id = t.id AND t.status IN ('resolved', 'ignored')
  ${RETURNING}
), ${AUDIT(`'error.new'`, `jsonb_build_object('status', "beforeStatus")`, `jsonb_build_object('status', 'new')`)}`;

// Assigning a person outside the issue's owning team clears the team (as a single update does).
// Assign a person, a team or both ($4/$6: whether each is set, $5/$7: the value). Setting one side
// keeps the other when it still fits (the person is in the team), else clears it, as a single update does.
const ASSIGN_SQL = `WITH ${TARGET}, next AS (
  SELECT t.id,
    CASE WHEN $4::boolean THEN $5::uuid
      WHEN $7::uuid IS NULL OR t."assigneeId" IS NULL
        OR EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."teamId" = $7::uuid AND m."userId" = t."assigneeId")
      THEN t."assigneeId" ELSE NULL END AS "assigneeId",
    CASE WHEN $6::boolean THEN $7::uuid
      WHEN $5::uuid IS NULL OR t."assigneeTeamId" IS NULL
        OR EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."teamId" = t."assigneeTeamId" AND m."userId" = $5::uuid)
      THEN t."assigneeTeamId" ELSE NULL END AS "assigneeTeamId"
  FROM target t
), upd AS (
  UPDATE "ErrorGroup" g SET "assigneeId" = n."assigneeId", "assigneeTeamId" = n."assigneeTeamId", "updatedAt" = $3::timestamptz
  FROM target t JOIN next n ON n.id = t.id
  WHERE g.id = t.id AND (t."assigneeId" IS DISTINCT FROM n."assigneeId" OR t."assigneeTeamId" IS DISTINCT FROM n."assigneeTeamId")
  ${RETURNING}
), ${AUDIT(
  `'error.updated'`,
  `CASE WHEN "beforeAssignee" IS DISTINCT FROM "assigneeId" THEN jsonb_build_object('assigneeId', "beforeAssignee") ELSE '{}'::jsonb END
    || CASE WHEN "beforeTeam" IS DISTINCT FROM "assigneeTeamId" THEN jsonb_build_object('assigneeTeamId', "beforeTeam") ELSE '{}'::jsonb END`,
  `CASE WHEN "beforeAssignee" IS DISTINCT FROM "assigneeId" THEN jsonb_build_object('assigneeId', "assigneeId") ELSE '{}'::jsonb END
    || CASE WHEN "beforeTeam" IS DISTINCT FROM "assigneeTeamId" THEN jsonb_build_object('assigneeTeamId', "assigneeTeamId") ELSE '{}'::jsonb END`,
)}`;

/**
 * Applies one action to a chunk of issues in ONE transaction and one statement: each changed issue
 * gets its audit entry (before/after) in the same statement; issues already in the target state are
 * left alone and not audited. The caller has checked that the actor may triage every issue.
 */
export async function applyBulkChunk(ids: string[], change: BulkChange, actorId: string | null, now: Date): Promise<ChangedIssue[]> {
  if (ids.length === 0) return [];
  // "In the next release" remembers each issue's current release (lib/errors/triage/latestRelease.ts).
  const baselines = change.action === "resolve" && change.statusDetails?.inNextRelease ? await latestReleasesOf(ids) : undefined;
  const changed = await withTransaction(async (client) => {
    const { rows } = await run(client, ids, change, actorId, now, baselines);
    return rows;
  });
  // Their new events are wanted again unless they stay ignored for good, as for one issue
  // (lib/errors/updateError.ts): reopened, resolved (a recurrence must be able to regress them), or
  // ignored until a time or count they could never reach while their events were dropped.
  if (keepsNewEvents(change)) await stopDiscardingGroups(ids);
  return changed;
}

/** Whether the change ends "discard new events" for its issues. */
function keepsNewEvents(change: BulkChange): boolean {
  if (change.action === "assign") return false;
  return change.action !== "ignore" || hasIgnoreCondition(change.statusDetails);
}

function run(client: pg.PoolClient, ids: string[], change: BulkChange, actorId: string | null, now: Date, baselines?: Map<string, string | null>) {
  const base = [ids, actorId, now];
  switch (change.action) {
    case "resolve":
      return client.query<ChangedIssue>(RESOLVE_SQL, [...base, change.statusDetails?.inNextRelease === true, JSON.stringify(Object.fromEntries(baselines ?? []))]);
    case "ignore": {
      const d = change.statusDetails;
      const until = d?.ignoreDurationMinutes ? new Date(now.getTime() + d.ignoreDurationMinutes * 60_000) : null;
      return client.query<ChangedIssue>(IGNORE_SQL, [...base, until, d?.ignoreCount ?? null, d?.ignoreUserCount ?? null, d ? JSON.stringify(d) : null]);
    }
    case "reopen":
      return client.query<ChangedIssue>(REOPEN_SQL, base);
    case "assign":
      return client.query<ChangedIssue>(ASSIGN_SQL, [
        ...base,
        change.assigneeId !== undefined,
        change.assigneeId ?? null,
        change.assigneeTeamId !== undefined,
        change.assigneeTeamId ?? null,
      ]);
  }
}
