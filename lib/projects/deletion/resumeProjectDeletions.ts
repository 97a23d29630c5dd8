import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { purgeProject } from "@/lib/projects/deletion/purgeProject";

/** The background job's name (lib/jobs/jobList.ts): a DELETE that could not finish asks it for a turn. */
export const PROJECT_DELETION_JOB = "project-deletion";

/**
 * Finishes deletions that began but did not end — the instance restarted or lost PostgreSQL while
 * deleting the project's rows (lib/projects/deleteProject.ts): every project marked deleting is
 * purged (lib/projects/deletion/purgeProject.ts), except one another instance is purging right now
 * and those of a workspace being deleted (its purge takes them: lib/workspaces/deletion/purgeWorkspace.ts).
 * Returns the ids of the projects it finished.
 */
export async function resumeProjectDeletions(): Promise<string[]> {
  const { rows } = await pool().query<{ id: string; workspaceId: string }>(
    `SELECT p.id, p."workspaceId" FROM "Project" p JOIN "Workspace" w ON w.id = p."workspaceId"
      WHERE p."deletingAt" IS NOT NULL AND w."deletingAt" IS NULL ORDER BY p."deletingAt"`,
  );
  const finished: string[] = [];
  for (const project of rows) {
    const result = await purgeProject(project);
    if (!result) continue;
    finished.push(project.id);
    logger.info("interrupted project deletion finished", { projectId: project.id, deleted: result.deleted });
  }
  return finished;
}
