import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanTriage } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { findProject } from "@/lib/projects/findProject";
import type { SetReleaseCommitsInput } from "@/lib/releases/commits/releaseCommitSchemas";

/**
 * PUT /api/v1/projects/:projectId/releases/:version/commits — replaces the commits a release shipped
 * (members and admins: a deploy step, usually with an API token), so sending the same list again
 * changes nothing. The files they changed are what suspect commits match an event's frames against.
 */
export async function setReleaseCommits(auth: AuthContext, projectId: string, release: string, input: SetReleaseCommitsInput): Promise<{ release: string; commits: number }> {
  const project = await findProject(auth, projectId);
  assertCanTriage(auth, project.workspaceId);
  await withTransaction(async (client) => {
    await client.query(`DELETE FROM "ReleaseCommit" WHERE "projectId" = $1 AND release = $2`, [projectId, release]);
    if (input.commits.length === 0) return;
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
  });
  return { release, commits: input.commits.length };
}
