import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { purgeWorkspace } from "@/lib/workspaces/deletion/purgeWorkspace";

/**
 * The project-deletion job's second part (lib/jobs/jobList.ts): every workspace marked deleting
 * (lib/workspaces/deleteWorkspace.ts answered 202 and asked the job for a turn; or an instance died
 * mid-way) is purged (lib/workspaces/deletion/purgeWorkspace.ts), oldest deletion first, except one
 * another instance is purging right now. Returns the ids of the workspaces it finished.
 */
export async function resumeWorkspaceDeletions(): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(`SELECT id FROM "Workspace" WHERE "deletingAt" IS NOT NULL ORDER BY "deletingAt"`);
  const finished: string[] = [];
  for (const { id } of rows) {
    const result = await purgeWorkspace(id);
    if (!result) continue;
    finished.push(id);
    logger.info("workspace deletion finished", { workspaceId: id, projects: result.projects, deleted: result.deleted });
  }
  return finished;
}
