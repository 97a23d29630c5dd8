import { pool } from "@/lib/db/pool";
import { purgeIssue } from "@/lib/errors/deletion/purgeIssue";
import { logger } from "@/lib/logger";

/**
 * The project-deletion job's part for issues (lib/jobs/jobList.ts): every issue marked deleting
 * (DELETE /api/v1/errors/:id answered 202 and asked the job for a turn, or an instance died mid-way)
 * is purged (lib/errors/deletion/purgeIssue.ts), oldest deletion first, except one another instance
 * is purging right now and those of a project being deleted (its purge takes them). Returns the ids
 * of the issues it finished.
 */
export async function resumeIssueDeletions(): Promise<string[]> {
  const { rows } = await pool().query<{ id: string; workspaceId: string; projectId: string }>(
    `SELECT g.id, g."workspaceId", g."projectId" FROM "ErrorGroup" g JOIN "Project" p ON p.id = g."projectId"
      WHERE g."deletingAt" IS NOT NULL AND p."deletingAt" IS NULL ORDER BY g."deletingAt"`,
  );
  const finished: string[] = [];
  for (const issue of rows) {
    const result = await purgeIssue(issue);
    if (!result) continue;
    finished.push(issue.id);
    logger.info("issue deletion finished", { errorId: issue.id, projectId: issue.projectId, deleted: result.deleted });
  }
  return finished;
}
