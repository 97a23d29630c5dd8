import { pool } from "@/lib/db/pool";
import { runErasure } from "@/lib/endUsers/erasure/runErasure";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * The project-deletion job's part for end users' erasures (lib/jobs/jobList.ts): every erasure not
 * done yet (POST …/end-users/erase answered 202 and asked the job for a turn; or an instance died
 * mid-way) is run (lib/endUsers/erasure/runErasure.ts), oldest first, except one another instance is
 * running and those of a workspace being deleted. One that fails keeps its progress and its error
 * (`lastError`, shown to admins) and is tried again on the job's next turn. Returns the ids finished.
 */
export async function runPendingErasures(): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT e.id FROM "EndUserErasure" e JOIN "Workspace" w ON w.id = e."workspaceId"
      WHERE e.status = 'pending' AND w."deletingAt" IS NULL ORDER BY e."createdAt"`,
  );
  const finished: string[] = [];
  for (const { id } of rows) {
    try {
      const result = await runErasure(id);
      if (!result) continue;
      finished.push(id);
      logger.info("end user erasure finished", { erasureId: id, deleted: result.deleted });
    } catch (error) {
      logger.error("end user erasure failed; the project-deletion job tries again", { erasureId: id, error: errorMessage(error) });
      await pool().query(`UPDATE "EndUserErasure" SET "lastError" = left($2, 500) WHERE id = $1::uuid`, [id, errorMessage(error)]);
    }
  }
  return finished;
}
