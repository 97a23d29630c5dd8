import { queryRows } from "@/lib/analytics/queryRows";

/** Commits the release page lists at most. */
export const RELEASE_PAGE_COMMITS = 100;

/** A commit as the release page lists it. */
export interface ReleasePageCommit {
  projectId: string;
  projectName: string;
  sha: string;
  /** The message's first line. */
  title: string;
  authorName: string | null;
  committedAt: string | null;
  /** Paths it changed. */
  files: number;
}

/**
 * The commits deploy steps sent for a release, in the workspace's projects (or one), each project's
 * newest first, at most RELEASE_PAGE_COMMITS, with how many there are in all.
 */
export async function workspaceReleaseCommits(workspaceId: string, projectId: string | null, version: string): Promise<{ total: number; items: ReleasePageCommit[] }> {
  const rows = await queryRows<Omit<ReleasePageCommit, "committedAt"> & { committedAt: Date | null; total: number }>(
    `SELECT c."projectId", p.name AS "projectName", c.sha, split_part(c.message, E'\\n', 1) AS title, c."authorName", c."committedAt",
       coalesce(cardinality(c.files), 0) AS files, count(*) OVER ()::int AS total
     FROM "ReleaseCommit" c JOIN "Project" p ON p.id = c."projectId"
     WHERE p."workspaceId" = $1::uuid AND c.release = $2 AND ($3::uuid IS NULL OR c."projectId" = $3::uuid)
     ORDER BY p.name, c."projectId", c.position
     LIMIT $4`,
    [workspaceId, version, projectId, RELEASE_PAGE_COMMITS],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      projectId: row.projectId,
      projectName: row.projectName,
      sha: row.sha,
      title: row.title.slice(0, 200),
      authorName: row.authorName,
      committedAt: row.committedAt?.toISOString() ?? null,
      files: row.files,
    })),
  };
}
