import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findProject } from "@/lib/projects/findProject";
import type { SetReleaseCommitsInput } from "@/lib/releases/commits/releaseCommitSchemas";
import { resolveFixedIssues } from "@/lib/releases/commits/resolveFixedIssues";

/**
 * PUT /api/v1/projects/:projectId/releases/:version/commits — replaces the commits a release shipped
 * (members and admins: a deploy step, usually with an API token), so sending the same list again
 * changes nothing. The files they changed are what suspect commits match an event's frames against;
 * commits new to the release that say they fix an issue of the project ("Fixes <issue id or
 * address>") resolve it in the next release (resolveFixedIssues).
 */
export async function setReleaseCommits(
  auth: AuthContext,
  projectId: string,
  release: string,
  input: SetReleaseCommitsInput,
): Promise<{ release: string; commits: number; resolvedIssues: string[] }> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  const known = await withTransaction(async (client) => {
    // One upload per project and release at a time: two CI jobs sending the list at once would each
    // delete, then both insert the same hashes (a unique violation, a 500).
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('release-commits:' || $1 || ':' || $2, 0))`, [projectId, release]);
    // What the release had before: only commits new to it resolve the issues they fix (sending the list again resolves nothing twice).
    const previous = new Set((await client.query<{ sha: string }>(`DELETE FROM "ReleaseCommit" WHERE "projectId" = $1 AND release = $2 RETURNING sha`, [projectId, release])).rows.map((r) => r.sha));
    if (input.commits.length === 0) return previous;
    const rows = input.commits.map((commit, position) => ({
      id: uuidv7(),
      sha: commit.sha,
      position,
      message: commit.message,
      authorName: commit.author?.name || null,
      authorEmail: commit.author?.email || null,
      committedAt: commit.timestamp ?? null,
      files: commit.files,
    }));
    await client.query(
      `INSERT INTO "ReleaseCommit" (id, "projectId", release, sha, position, message, "authorName", "authorEmail", "committedAt", files)
       SELECT x.id, $1, $2, x.sha, x.position, x.message, x."authorName", x."authorEmail", x."committedAt", ARRAY(SELECT jsonb_array_elements_text(x.files))
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, sha text, position int, message text, "authorName" text, "authorEmail" text, "committedAt" timestamptz, files jsonb)`,
      [projectId, release, JSON.stringify(rows)],
    );
    return previous;
  });
  const resolvedIssues = await resolveFixedIssues(auth, projectId, release, input.commits.filter((commit) => !known.has(commit.sha)));
  return { release, commits: input.commits.length, resolvedIssues };
}
