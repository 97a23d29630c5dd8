import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/analytics/queryRows";

export const ReleasesQuerySchema = z.object({
  projectId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReleasesQuery = z.infer<typeof ReleasesQuerySchema>;

/** One release as its errors tell it (the per-issue tag rollup: no scan of occurrences). */
export interface ReleaseSummary {
  version: string;
  /** The first and last error event reported with this release. */
  firstSeen: string;
  lastSeen: string;
  events: number;
  /** Issues with at least one event in this release. */
  issues: number;
  /** Issues whose first release this is: the bugs it introduced (or first reported). */
  newIssues: number;
  /** Of `issues`, those not resolved or ignored now. */
  unresolved: number;
}

export interface ReleaseList {
  items: ReleaseSummary[];
}

/**
 * GET /api/v1/workspaces/:id/releases: the releases the workspace's errors were reported with,
 * newest first (by their first event), each with its events, issues, the issues it introduced and
 * how many of its issues are still open. `projectId` narrows to one project.
 */
export async function listReleases(auth: AuthContext, workspaceId: string, query: ReleasesQuery): Promise<ReleaseList> {
  assertCanViewWorkspace(auth, workspaceId);
  const rows = await queryRows<{ version: string; firstSeen: Date; lastSeen: Date; events: string; issues: number; newIssues: number; unresolved: number }>(
    `WITH r AS (
       SELECT t."groupId", t.value, t.count, t."firstSeen", t."lastSeen", g.status
       FROM "ErrorGroupTag" t JOIN "ErrorGroup" g ON g.id = t."groupId"
       WHERE t."workspaceId" = $1::uuid AND t.key = 'release' AND ($2::uuid IS NULL OR g."projectId" = $2::uuid)
     ), first AS (
       SELECT value, count(*)::int AS n FROM (
         SELECT DISTINCT ON ("groupId") "groupId", value FROM r ORDER BY "groupId", "firstSeen", value
       ) f GROUP BY value
     )
     SELECT r.value AS version, min(r."firstSeen") AS "firstSeen", max(r."lastSeen") AS "lastSeen", sum(r.count)::bigint AS events,
       count(*)::int AS issues, coalesce(max(first.n), 0)::int AS "newIssues",
       (count(*) FILTER (WHERE r.status IN ('new', 'acknowledged', 'investigating')))::int AS unresolved
     FROM r LEFT JOIN first ON first.value = r.value
     GROUP BY r.value
     ORDER BY min(r."firstSeen") DESC, r.value
     LIMIT $3`,
    [workspaceId, query.projectId ?? null, query.limit],
  );
  return {
    items: rows.map((row) => ({
      version: row.version,
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
      events: Number(row.events),
      issues: row.issues,
      newIssues: row.newIssues,
      unresolved: row.unresolved,
    })),
  };
}
