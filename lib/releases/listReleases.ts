import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { assertProjectFilter } from "@/lib/projects/assertWorkspaceProjects";
import { queryRows } from "@/lib/analytics/queryRows";
import { adoptionShare } from "@/lib/releases/releaseHealth";
import { releaseProjects } from "@/lib/releases/releaseProjects";
import { IdSchema } from "@/lib/domain/idSchema";

export const ReleasesQuerySchema = z.object({
  projectId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReleasesQuery = z.infer<typeof ReleasesQuerySchema>;

/** Release health from Sentry sessions that named the release (absent when none did). */
export interface ReleaseSessions {
  total: number;
  errored: number;
  crashed: number;
  /** Sessions the OS ended without a crash (an ANR, a watchdog kill): counted in `total`, not as crashes. */
  abnormal: number;
  /** Share of sessions that did not crash, 0–1. */
  crashFreeRate: number;
  /** Distinct users of those sessions (the SDK's `did`), and those with a crashed one; 0 when no session named its user. */
  users: number;
  crashedUsers: number;
  /** Share of those users who had no crashed session, 0–1; null when no session named its user. */
  crashFreeUserRate: number | null;
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
  /** When a deploy tool finalized it (`sentry-cli releases finalize`); null when none did. */
  dateReleased: string | null;
  /** Its latest deploy (`sentry-cli deploys new`), if any. */
  lastDeploy: { environment: string; finishedAt: string } | null;
  /** The projects it was seen in (its issues', its sessions', those it was declared for), whatever the filter. */
  projectIds: string[];
}

export interface ReleaseList {
  items: ReleaseSummary[];
}

/**
 * GET /api/v1/workspaces/:id/releases: the releases the workspace's errors and Sentry sessions were
 * reported with, and those a deploy tool declared (sentry-cli `releases new`) before any event
 * named them, newest first (by when each was first seen or declared), each with its events,
 * issues, the issues it introduced, how many of its issues are still open, its sessions'
 * crash-free share, when it was finalized and its latest deploy. `projectId` narrows to one project.
 */
export async function listReleases(auth: AuthContext, workspaceId: string, query: ReleasesQuery): Promise<ReleaseList> {
  assertCanViewWorkspace(auth, workspaceId);
  await assertProjectFilter(workspaceId, query.projectId);
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
         sum(ok)::bigint AS ok, sum(errored)::bigint AS errored, sum(crashed)::bigint AS crashed, sum(abnormal)::bigint AS abnormal,
         (sum(ok::bigint + errored + crashed + abnormal) FILTER (WHERE day >= (now() AT TIME ZONE 'UTC')::date - 1))::bigint AS recent
       FROM "ReleaseSessionDaily"
       WHERE "workspaceId" = $1::uuid AND ($2::uuid IS NULL OR "projectId" = $2::uuid)
       GROUP BY release
     ), declared AS (
       SELECT version, "createdAt" AS first, "releasedAt" FROM "DeclaredRelease"
       WHERE "workspaceId" = $1::uuid AND ($2::uuid IS NULL OR $2::uuid = ANY("projectIds")) AND ($4::text IS NULL OR version = $4)
     ), seen AS (
       SELECT coalesce(e.version, s.version) AS version, LEAST(e.first, s.first) AS first, GREATEST(e.last, s.last) AS last,
         e.events, e.issues, e."newIssues", e.unresolved, s.ok, s.errored, s.crashed, s.abnormal, s.recent
       FROM errors e FULL JOIN sessions s ON s.version = e.version
     )
     SELECT coalesce(x.version, d.version) AS version, LEAST(x.first, d.first) AS "firstSeen", coalesce(x.last, d.first) AS "lastSeen",
       coalesce(x.events, 0) AS events, coalesce(x.issues, 0) AS issues, coalesce(x."newIssues", 0) AS "newIssues",
       coalesce(x.unresolved, 0) AS unresolved, x.ok AS "sessionsOk", x.errored AS "sessionsErrored", x.crashed AS "sessionsCrashed", x.abnormal AS "sessionsAbnormal",
       x.recent AS "sessionsRecent", (SELECT sum(recent) FROM sessions)::bigint AS "allSessionsRecent", d."releasedAt" AS "dateReleased"
     FROM seen x FULL JOIN declared d ON d.version = x.version
     WHERE $4::text IS NULL OR coalesce(x.version, d.version) = $4
     ORDER BY 2 DESC, 1
     LIMIT $3`,
    [workspaceId, scope.projectId, scope.limit, scope.version],
  );
  const [users, deploys, projects] = await Promise.all([
    releaseUsers(
      workspaceId,
      scope.projectId,
      rows.filter((row) => row.sessionsOk !== null).map((row) => row.version),
    ),
    lastDeploys(
      workspaceId,
      rows.map((row) => row.version),
    ),
    releaseProjects(
      workspaceId,
      rows.map((row) => row.version),
    ),
  ]);
  return rows.map((row) => ({
    version: row.version,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    events: Number(row.events),
    issues: row.issues,
    newIssues: row.newIssues,
    unresolved: row.unresolved,
    sessions: sessionsOf(row, users.get(row.version)),
    adoption: adoptionShare(Number(row.sessionsRecent ?? 0), Number(row.allSessionsRecent ?? 0)),
    dateReleased: row.dateReleased?.toISOString() ?? null,
    lastDeploy: deploys.get(row.version) ?? null,
    projectIds: projects.get(row.version) ?? [],
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
  sessionsAbnormal: string | null;
  sessionsRecent: string | null;
  allSessionsRecent: string | null;
  dateReleased: Date | null;
}

/** The latest deploy of each listed release (one index range per release). */
async function lastDeploys(workspaceId: string, versions: string[]): Promise<Map<string, { environment: string; finishedAt: string }>> {
  if (versions.length === 0) return new Map();
  const rows = await queryRows<{ version: string; environment: string; finishedAt: Date }>(
    `SELECT DISTINCT ON (version) version, environment, "finishedAt" FROM "ReleaseDeploy"
     WHERE "workspaceId" = $1::uuid AND version = ANY($2::text[])
     ORDER BY version, "finishedAt" DESC`,
    [workspaceId, versions],
  );
  return new Map(rows.map((row) => [row.version, { environment: row.environment, finishedAt: row.finishedAt.toISOString() }]));
}

/**
 * Distinct users of each release's sessions over all its days, and those with a crashed session
 * (ReleaseUserDaily, read for the listed releases only: an index-only scan of their rows).
 */
async function releaseUsers(workspaceId: string, projectId: string | null, versions: string[]): Promise<Map<string, { users: number; crashed: number }>> {
  if (versions.length === 0) return new Map();
  const rows = await queryRows<{ version: string; users: number; crashed: number }>(
    `SELECT release AS version, count(DISTINCT "userKey")::int AS users, (count(DISTINCT "userKey") FILTER (WHERE crashed))::int AS crashed
     FROM "ReleaseUserDaily"
     WHERE "workspaceId" = $1::uuid AND release = ANY($2::text[]) AND ($3::uuid IS NULL OR "projectId" = $3::uuid)
     GROUP BY release`,
    [workspaceId, versions, projectId],
  );
  return new Map(rows.map((row) => [row.version, { users: row.users, crashed: row.crashed }]));
}

/** Crash-free shares of a release's sessions and users (pure; null when no session named the release). */
export function sessionsOf(row: Pick<ReleaseRow, "sessionsOk" | "sessionsErrored" | "sessionsCrashed" | "sessionsAbnormal">, users?: { users: number; crashed: number }): ReleaseSessions | null {
  if (row.sessionsOk === null) return null;
  const errored = Number(row.sessionsErrored);
  const crashed = Number(row.sessionsCrashed);
  const abnormal = Number(row.sessionsAbnormal);
  const total = Number(row.sessionsOk) + errored + crashed + abnormal;
  if (total === 0) return null;
  const known = users && users.users > 0 ? users : { users: 0, crashed: 0 };
  return {
    total,
    errored,
    crashed,
    abnormal,
    crashFreeRate: 1 - crashed / total,
    users: known.users,
    crashedUsers: known.crashed,
    crashFreeUserRate: known.users > 0 ? 1 - known.crashed / known.users : null,
  };
}
