import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { purgeProject } from "@/lib/projects/deletion/purgeProject";

/** The background job's name (lib/jobs/jobList.ts): a DELETE that could not finish asks it for a turn. */
export const PROJECT_DELETION_JOB = "project-deletion";

/**
 * Finishes deletions that began but did not end — the instance restarted or lost PostgreSQL while
 * deleting the project's rows (lib/projects/deleteProject.ts): every project marked deleting is
 * purged (lib/projects/deletion/purgeProject.ts), except one another instance is purging right now.
 * Returns the ids of the projects it finished.
 */
export async function resumeProjectDeletions(): Promise<string[]> {
  const { rows } = await pool().query<{ id: string; workspaceId: string }>(
    `SELECT id, "workspaceId" FROM "Project" WHERE "deletingAt" IS NOT NULL ORDER BY "deletingAt"`,
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
