import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/analytics/queryRows";
import { releaseProjects } from "@/lib/releases/releaseProjects";
import { addDays, utcDay } from "@/lib/db/partitions/partitionDays";
import type { ErrorStatus } from "@/lib/domain/errorStatus";
import type { Severity } from "@/lib/domain/severity";
import { ApiError } from "@/lib/http/ApiError";
import { releaseSummaries, type ReleaseSummary } from "@/lib/releases/listReleases";
import { workspaceReleaseCommits, type ReleasePageCommit } from "@/lib/releases/commits/workspaceReleaseCommits";
import { releaseDeploys, type DeployDto } from "@/lib/releases/declared/releaseDeploys";
import { chartDays, dailySeries, environmentHealth, RELEASE_DAYS, type EnvironmentHealth, type ReleaseDay } from "@/lib/releases/releaseHealth";
import { IdSchema } from "@/lib/domain/idSchema";

export const ReleaseQuerySchema = z.object({
  projectId: IdSchema.optional(),
});
export type ReleaseQuery = z.infer<typeof ReleaseQuerySchema>;

export const ReleaseParamsSchema = z.object({
  workspaceId: IdSchema,
  // As the tag rollup keeps a release: trimmed, at most 200 characters.
  version: z.string().trim().min(1).max(200),
});

/** Issues listed per table on the release page. */
const ISSUE_LIMIT = 50;

/** An issue as the release page lists it: its events in this release, not in all releases. */
export interface ReleaseIssue {
  id: string;
  type: string;
  message: string;
  severity: Severity;
  status: ErrorStatus;
  /** Events of the issue that carried this release. */
  events: number;
  firstSeen: string;
  lastSeen: string;
  /** This release is the issue's first release (it introduced it). */
  introduced: boolean;
}

export interface ReleaseDetail {
  release: ReleaseSummary;
  /** The releases first seen just before and just after it (same project scope), for paging through them. */
  previous: string | null;
  next: string | null;
  /** UTC days from the release's first (at least the last 7, at most the last 30), oldest first, today's last. */
  days: ReleaseDay[];
  /** Its sessions per environment (all time), most sessions first. */
  environments: EnvironmentHealth[];
  /** The issues it introduced, most events in it first. */
  introducedIssues: ReleaseIssue[];
  /** Every issue with events in it, most events in it first. */
  topIssues: ReleaseIssue[];
  /** The commits deploy steps sent for it (PUT …/releases/:version/commits), per project, newest first. */
  commits: { total: number; items: ReleasePageCommit[] };
  /** Where deploy steps said it was deployed (`sentry-cli deploys new`), newest first. */
  deploys: DeployDto[];
}

/**
 * GET /api/v1/workspaces/:id/releases/:version — one release in depth: its summary (as the list
 * has it), the releases around it, its events and sessions per day, its crash-free share per
 * environment, and the issues it introduced and carries. 404 when no error, session or deploy tool
 * (sentry-cli `releases new`) named it.
 */
export async function getRelease(auth: AuthContext, workspaceId: string, version: string, query: ReleaseQuery): Promise<ReleaseDetail> {
  assertCanViewWorkspace(auth, workspaceId);
  const projectId = query.projectId ?? null;
  const today = new Date();
  // Everything at once: the summary decides 404 and the chart's first day, so the events query reads
  // the longest window (30 days) and the series keeps the days it shows.
  const [[release], neighbours, events, sessions, issues, commits, deploys] = await Promise.all([
    releaseSummaries(workspaceId, { projectId, version, limit: 1 }),
    neighbourReleases(workspaceId, projectId, version),
    queryRows<{ day: string; events: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(events)::float8 AS events FROM "ReleaseDaily"
       WHERE "workspaceId" = $1::uuid AND release = $2 AND day >= $3::date AND ($4::uuid IS NULL OR "projectId" = $4::uuid)
       GROUP BY day`,
      [workspaceId, version, addDays(utcDay(today), -(RELEASE_DAYS.max - 1)), projectId],
    ),
    queryRows<{ day: string; environment: string; ok: number; errored: number; crashed: number; abnormal: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, environment, sum(ok)::float8 AS ok, sum(errored)::float8 AS errored, sum(crashed)::float8 AS crashed,
         sum(abnormal)::float8 AS abnormal
       FROM "ReleaseSessionDaily"
       WHERE "workspaceId" = $1::uuid AND release = $2 AND ($3::uuid IS NULL OR "projectId" = $3::uuid)
       GROUP BY day, environment`,
      [workspaceId, version, projectId],
    ),
    releaseIssues(workspaceId, projectId, version),
    workspaceReleaseCommits(workspaceId, projectId, version),
    releaseDeploys(auth, workspaceId, version),
  ]);
  if (!release) throw new ApiError(404, "not_found", `No error, session or deploy tool named the release "${version}"`);
  const dayCount = chartDays(release.firstSeen, today);
  return {
    release,
    previous: neighbours.previous,
    next: neighbours.next,
    days: dailySeries(today, dayCount, events, sessions),
    environments: environmentHealth(sessions),
    introducedIssues: issues.filter((issue) => issue.introduced).slice(0, ISSUE_LIMIT),
    topIssues: issues.slice(0, ISSUE_LIMIT),
    commits,
    deploys,
  };
}

/**
 * The issues with events in the release, most events in it first: the top ISSUE_LIMIT, plus every
 * issue it introduced among the next (the introduced ones are usually few and the ones that matter).
 */
async function releaseIssues(workspaceId: string, projectId: string | null, version: string): Promise<ReleaseIssue[]> {
  const rows = await queryRows<Omit<ReleaseIssue, "firstSeen" | "lastSeen"> & { firstSeen: Date; lastSeen: Date }>(
    `SELECT * FROM (
       SELECT g.id, g.type, g.message, g.severity, g.status, t.count AS events, t."firstSeen", t."lastSeen",
         coalesce(g."firstRelease" = t.value, false) AS introduced,
         row_number() OVER (ORDER BY t.count DESC, t."lastSeen" DESC, g.id) AS rank
       FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId"
       WHERE t."workspaceId" = $1::uuid AND t.key = 'release' AND t.value = $2 AND ($3::uuid IS NULL OR g."projectId" = $3::uuid)
     ) x
     WHERE rank <= $4 OR introduced
     ORDER BY rank
     LIMIT $4 * 2`,
    [workspaceId, version, projectId, ISSUE_LIMIT],
  );
  return rows.map(({ firstSeen, lastSeen, ...issue }) => ({
    id: issue.id,
    type: issue.type,
    message: issue.message,
    severity: issue.severity,
    status: issue.status,
    events: issue.events,
    introduced: issue.introduced,
    firstSeen: firstSeen.toISOString(),
    lastSeen: lastSeen.toISOString(),
  }));
}

/**
 * The releases first seen just before and just after `firstSeen`, from errors and sessions alike, as
 * the list orders them (newest first, ties by version): the next row down and the next row up —
 * among the releases of the same project(s): the project filter's, else those this release was seen
 * in, so "older" and "newer" stay within one app even on the workspace-wide page.
 */
async function neighbourReleases(workspaceId: string, projectId: string | null, version: string): Promise<{ previous: string | null; next: string | null }> {
  const projectIds = projectId ? [projectId] : ((await releaseProjects(workspaceId, [version])).get(version) ?? []);
  if (projectIds.length === 0) return { previous: null, next: null };
  const rows = await queryRows<{ previous: string | null; next: string | null }>(
    `WITH seen AS (
       SELECT version, min(first) AS first FROM (
         SELECT t.value AS version, min(t."firstSeen") AS first
         FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId"
         WHERE t."workspaceId" = $1::uuid AND t.key = 'release' AND g."projectId" = ANY($2::uuid[])
         GROUP BY 1
         UNION ALL
         SELECT release, min(day)::timestamp AT TIME ZONE 'UTC' FROM "ReleaseSessionDaily"
         WHERE "workspaceId" = $1::uuid AND "projectId" = ANY($2::uuid[])
         GROUP BY 1
         UNION ALL
         SELECT version, "createdAt" FROM "DeclaredRelease"
         WHERE "workspaceId" = $1::uuid AND "projectIds" && $2::uuid[]
       ) u GROUP BY version
     ), this AS (SELECT first FROM seen WHERE version = $3)
     SELECT
       (SELECT s.version FROM seen s, this WHERE s.first < this.first OR (s.first = this.first AND s.version > $3)
        ORDER BY s.first DESC, s.version LIMIT 1) AS previous,
       (SELECT s.version FROM seen s, this WHERE s.first > this.first OR (s.first = this.first AND s.version < $3)
        ORDER BY s.first, s.version DESC LIMIT 1) AS next`,
    [workspaceId, projectIds, version],
  );
  return rows[0] ?? { previous: null, next: null };
}

