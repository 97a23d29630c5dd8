import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/analytics/queryRows";
import { ApiError } from "@/lib/http/ApiError";
import { storableDateTime } from "@/lib/http/zodTime";
import { IdSchema } from "@/lib/domain/idSchema";

const HOUR = 3_600_000;
const MAX_SPAN_MS = 366 * 24 * HOUR;

export const ReportQuerySchema = z.object({
  since: storableDateTime().optional(),
  until: storableDateTime().optional(),
  format: z.enum(["md", "json"]).default("json"),
  /** One project of the workspace; absent: all of them. */
  projectId: IdSchema.optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Whole UTC hours: the report reads the hourly rollup, so its window is widened to hour boundaries. */
export function reportWindow(query: { since?: string; until?: string }, now = new Date()) {
  const until = query.until ? new Date(query.until) : now;
  const since = query.since ? new Date(query.since) : new Date(until.getTime() - 7 * 24 * HOUR);
  if (since >= until) throw ApiError.validation("since must be before until", [{ path: "since", message: "must be before until" }]);
  if (until.getTime() - since.getTime() > MAX_SPAN_MS) throw ApiError.validation("a report spans at most 366 days", [{ path: "since", message: "at most 366 days before until" }]);
  return { since: new Date(Math.floor(since.getTime() / HOUR) * HOUR), until: new Date(Math.ceil(until.getTime() / HOUR) * HOUR) };
}

interface Duration {
  count: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/**
 * Seed 001's report for a workspace and window: totals, top errors, categories, severities and
 * resolution times (first seen → resolved, for issues resolved in the window), from the rollups.
 * `projectIds` (lib only: a weekly report without the reader's muted projects) narrows it to those
 * projects, as `query.projectId` does to one.
 */
export async function getReport(auth: AuthContext, workspaceId: string, query: ReportQuery, now = new Date(), projectIds: string[] | null = null) {
  assertCanViewWorkspace(auth, workspaceId);
  const { since, until } = reportWindow(query, now);
  const project = query.projectId ? await projectOf(workspaceId, query.projectId) : null;
  const args = [workspaceId, since, until, project ? [project.id] : projectIds];
  const [workspace, totals, issues, users, top, categories, severities, resolution, resolutionByCategory] = await Promise.all([
    queryRows<{ name: string }>(`SELECT name FROM "Workspace" WHERE id = $1`, [workspaceId]),
    queryRows<{ events: number; critical: number }>(
      `SELECT coalesce(sum(count), 0)::int AS events, coalesce(sum(count) FILTER (WHERE severity = 'critical'), 0)::int AS critical
       FROM "ErrorHourly" WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 AND ${inProject('"projectId"')}`,
      args,
    ),
    queryRows<{ active: number; new: number; resolved: number; regressed: number; unresolved: number }>(
      `SELECT
         (SELECT count(DISTINCT "groupId") FROM "ErrorHourly" WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 AND ${inProject('"projectId"')})::int AS active,
         (SELECT count(*) FROM "ErrorGroup" WHERE "workspaceId" = $1 AND "firstSeen" >= $2 AND "firstSeen" < $3 AND ${inProject('"projectId"')})::int AS new,
         (SELECT count(*) FROM "ErrorGroup" WHERE "workspaceId" = $1 AND "resolvedAt" >= $2 AND "resolvedAt" < $3 AND ${inProject('"projectId"')})::int AS resolved,
         (SELECT count(*) FROM "ErrorGroup" WHERE "workspaceId" = $1 AND "regressedAt" >= $2 AND "regressedAt" < $3 AND ${inProject('"projectId"')})::int AS regressed,
         (SELECT count(*) FROM "ErrorGroup" g WHERE "workspaceId" = $1 AND ${inProject('g."projectId"')} AND status IN ('new', 'acknowledged', 'investigating')
            AND EXISTS (SELECT 1 FROM "ErrorHourly" h WHERE h."groupId" = g.id AND h.bucket >= $2 AND h.bucket < $3))::int AS unresolved`,
      args,
    ),
    queryRows<{ users: number }>(
      // UserDaily, plus the events the actor-fold job has not moved into it yet (ActorPending).
      `SELECT count(DISTINCT "userId")::int AS users FROM (
         SELECT "userId" FROM "UserDaily"
         WHERE "workspaceId" = $1 AND ${inProject('"projectId"')} AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND day <= (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date
         UNION ALL
         SELECT "userId" FROM "ActorPending"
         WHERE "workspaceId" = $1 AND ${inProject('"projectId"')} AND "userId" IS NOT NULL AND ("occurredAt" AT TIME ZONE 'UTC')::date >= ($2::timestamptz AT TIME ZONE 'UTC')::date
           AND ("occurredAt" AT TIME ZONE 'UTC')::date <= (($3::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date
       ) u`,
      args,
    ),
    queryRows<{ id: string; type: string; message: string; severity: string; status: string; category: string; events: number; users: number; firstSeen: Date; lastSeen: Date }>(
      `SELECT g.id, g.type, g.message, g.severity::text, g.status::text, g.category, t.events, g."usersAffected" AS users, g."firstSeen", g."lastSeen"
       FROM (SELECT "groupId", sum(count)::int AS events FROM "ErrorHourly" WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 AND ${inProject('"projectId"')}
             GROUP BY 1 ORDER BY 2 DESC LIMIT 10) t
       JOIN "ErrorGroup" g ON g.id = t."groupId" ORDER BY t.events DESC, g.id`,
      args,
    ),
    queryRows<{ category: string; events: number; issues: number }>(
      `SELECT g.category, sum(h.count)::int AS events, count(DISTINCT g.id)::int AS issues
       FROM "ErrorHourly" h JOIN "ErrorGroup" g ON g.id = h."groupId"
       WHERE h."workspaceId" = $1 AND h.bucket >= $2 AND h.bucket < $3 AND ${inProject('h."projectId"')} GROUP BY 1 ORDER BY 2 DESC, 1`,
      args,
    ),
    queryRows<{ severity: string; events: number }>(
      `SELECT severity::text, sum(count)::int AS events FROM "ErrorHourly" WHERE "workspaceId" = $1 AND bucket >= $2 AND bucket < $3 AND ${inProject('"projectId"')} GROUP BY 1 ORDER BY 2 DESC`,
      args,
    ),
    queryRows<Duration>(DURATION_SQL(""), args),
    queryRows<Duration & { category: string }>(DURATION_SQL("category"), args),
  ]);
  if (!workspace[0]) throw ApiError.notFound("workspace not found");
  return {
    workspace: { id: workspaceId, name: workspace[0].name },
    /** The one project the report covers; null: every project of the workspace. */
    project,
    window: { since: since.toISOString(), until: until.toISOString() },
    generatedAt: now.toISOString(),
    totals: { events: totals[0].events, criticalEvents: totals[0].critical, affectedUsers: users[0].users, ...issues[0] },
    topErrors: top.map((t) => ({ ...t, firstSeen: t.firstSeen.toISOString(), lastSeen: t.lastSeen.toISOString() })),
    categories,
    severities,
    resolutionTimes: { overall: resolution[0], byCategory: resolutionByCategory },
  };
}

export type Report = Awaited<ReturnType<typeof getReport>>;

/** `column` is one of the report's projects ($4), or any project when it covers them all (null). */
const inProject = (column: string) => `($4::uuid[] IS NULL OR ${column} = ANY($4::uuid[]))`;

async function projectOf(workspaceId: string, projectId: string): Promise<{ id: string; name: string }> {
  const [project] = await queryRows<{ id: string; name: string }>(`SELECT id, name FROM "Project" WHERE id = $1 AND "workspaceId" = $2`, [projectId, workspaceId]);
  if (!project) throw ApiError.validation("projectId: not a project of this workspace", [{ path: "projectId", message: "not a project of this workspace" }]);
  return project;
}

/**
 * First seen → resolved, in seconds, for issues resolved inside the window; from the regression when
 * the issue regressed before that resolve (a regression after it, which keeps resolvedAt, is a later
 * episode), as getResolutionMetrics and the view's manual recovery measure it.
 */
function DURATION_SQL(groupBy: "" | "category") {
  return `SELECT ${groupBy ? `${groupBy},` : ""} count(*)::int AS count,
       avg(s)::float AS "meanSeconds",
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float AS "medianSeconds",
       percentile_cont(0.9) WITHIN GROUP (ORDER BY s)::float AS "p90Seconds"
     FROM (SELECT ${groupBy ? `${groupBy},` : ""} extract(epoch FROM "resolvedAt" - CASE WHEN "regressedAt" < "resolvedAt" THEN "regressedAt" ELSE "firstSeen" END) AS s
           FROM "ErrorGroup" WHERE "workspaceId" = $1 AND ${inProject('"projectId"')} AND "resolvedAt" >= $2 AND "resolvedAt" < $3) r
     ${groupBy ? `GROUP BY 1 ORDER BY count DESC, 1` : ""}`;
}
