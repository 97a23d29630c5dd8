import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/analytics/queryRows";
import { adoptionShare } from "@/lib/releases/releaseHealth";

export const ReleasesQuerySchema = z.object({
  projectId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReleasesQuery = z.infer<typeof ReleasesQuerySchema>;

/** Release health from Sentry sessions that named the release (absent when none did). */
export interface ReleaseSessions {
  total: number;
  errored: number;
  crashed: number;
  /** Share of sessions that did not crash, 0–1. */
  crashFreeRate: number;
}

/** One release as its errors (the per-issue tag rollup: no scan of occurrences) and sessions tell it. */
export interface ReleaseSummary {
  version: string;
  /** The first and last time it was seen: an error event, or a session's UTC day. */
  firstSeen: string;
  lastSeen: string;
  events: number;
  /** Issues with at least one event in this release. */
  issues: number;
  /** Issues whose first release this is (ErrorGroup.firstRelease, the `firstRelease:` search): the bugs it introduced. */
  newIssues: number;
  /** Of `issues`, those not resolved or ignored now. */
  unresolved: number;
  sessions: ReleaseSessions | null;
  /**
   * Adoption: its share, 0–1, of the sessions of every release (in the same project scope) started
   * on the current and the previous UTC day; null when there were none then.
   */
  adoption: number | null;
}

export interface ReleaseList {
  items: ReleaseSummary[];
}

/**
 * GET /api/v1/workspaces/:id/releases: the releases the workspace's errors and Sentry sessions were
 * reported with, newest first (by when each was first seen), each with its events, issues, the
 * issues it introduced, how many of its issues are still open, and its sessions' crash-free share.
 * `projectId` narrows to one project.
 */
export async function listReleases(auth: AuthContext, workspaceId: string, query: ReleasesQuery): Promise<ReleaseList> {
  assertCanViewWorkspace(auth, workspaceId);
  return { items: await releaseSummaries(workspaceId, { projectId: query.projectId ?? null, version: null, limit: query.limit }) };
}

/**
 * The releases' rows (the caller has checked access): every release, newest first, or one
 * (`version`; [] when it is unknown).
 */
export async function releaseSummaries(workspaceId: string, scope: { projectId: string | null; version: string | null; limit: number }): Promise<ReleaseSummary[]> {
  const rows = await queryRows<ReleaseRow>(
    `WITH r AS (
       SELECT t."groupId", t.value, t.count, t."firstSeen", t."lastSeen", g.status
       FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId"
       WHERE t."workspaceId" = $1::uuid AND t.key = 'release' AND ($2::uuid IS NULL OR g."projectId" = $2::uuid) AND ($4::text IS NULL OR t.value = $4)
     ), first AS (
       SELECT "firstRelease" AS value, count(*)::int AS n FROM "ErrorGroup"
       WHERE "workspaceId" = $1::uuid AND "firstRelease" IS NOT NULL AND ($2::uuid IS NULL OR "projectId" = $2::uuid)
         AND ($4::text IS NULL OR "firstRelease" = $4)
       GROUP BY 1
     ), errors AS (
       SELECT r.value AS version, min(r."firstSeen") AS first, max(r."lastSeen") AS last, sum(r.count)::bigint AS events,
         count(*)::int AS issues, coalesce(max(first.n), 0)::int AS "newIssues",
         (count(*) FILTER (WHERE r.status IN ('new', 'acknowledged', 'investigating')))::int AS unresolved
       FROM r LEFT JOIN first ON first.value = r.value
       GROUP BY r.value
     ), sessions AS (
       -- Every release's sessions in scope (one scan): \`recent\` (the current and the previous UTC day)
       -- summed over all of them is adoption's denominator, so the version filter applies after.
       SELECT release AS version, min(day)::timestamp AT TIME ZONE 'UTC' AS first, max(day)::timestamp AT TIME ZONE 'UTC' AS last,
         sum(ok)::bigint AS ok, sum(errored)::bigint AS errored, sum(crashed)::bigint AS crashed,
         (sum(ok::bigint + errored + crashed) FILTER (WHERE day >= (now() AT TIME ZONE 'UTC')::date - 1))::bigint AS recent
       FROM "ReleaseSessionDaily"
       WHERE "workspaceId" = $1::uuid AND ($2::uuid IS NULL OR "projectId" = $2::uuid)
       GROUP BY release
     )
     SELECT coalesce(e.version, s.version) AS version, LEAST(e.first, s.first) AS "firstSeen", GREATEST(e.last, s.last) AS "lastSeen",
       coalesce(e.events, 0) AS events, coalesce(e.issues, 0) AS issues, coalesce(e."newIssues", 0) AS "newIssues",
       coalesce(e.unresolved, 0) AS unresolved, s.ok AS "sessionsOk", s.errored AS "sessionsErrored", s.crashed AS "sessionsCrashed",
       s.recent AS "sessionsRecent", (SELECT sum(recent) FROM sessions)::bigint AS "allSessionsRecent"
     FROM errors e FULL JOIN sessions s ON s.version = e.version
     WHERE $4::text IS NULL OR coalesce(e.version, s.version) = $4
     ORDER BY 2 DESC, 1
     LIMIT $3`,
    [workspaceId, scope.projectId, scope.limit, scope.version],
  );
  return rows.map((row) => ({
    version: row.version,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    events: Number(row.events),
    issues: row.issues,
    newIssues: row.newIssues,
    unresolved: row.unresolved,
    sessions: sessionsOf(row),
    adoption: adoptionShare(Number(row.sessionsRecent ?? 0), Number(row.allSessionsRecent ?? 0)),
  }));
}

interface ReleaseRow {
  version: string;
  firstSeen: Date;
  lastSeen: Date;
  events: string;
  issues: number;
  newIssues: number;
  unresolved: number;
  sessionsOk: string | null;
  sessionsErrored: string | null;
  sessionsCrashed: string | null;
  sessionsRecent: string | null;
  allSessionsRecent: string | null;
}

/** Crash-free share of a release's sessions (pure; null when no session named the release). */
export function sessionsOf(row: Pick<ReleaseRow, "sessionsOk" | "sessionsErrored" | "sessionsCrashed">): ReleaseSessions | null {
  if (row.sessionsOk === null) return null;
  const errored = Number(row.sessionsErrored);
  const crashed = Number(row.sessionsCrashed);
  const total = Number(row.sessionsOk) + errored + crashed;
  return total === 0 ? null : { total, errored, crashed, crashFreeRate: 1 - crashed / total };
}
