import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

const MAX_ERROR = 500;

/**
 * Runs one turn of a background job and records it in JobRun (start, end, duration, outcome), for
 * the status page and Prometheus. Bookkeeping failures are logged and never fail the job; the job's
 * own error is recorded and rethrown.
 */
export async function recordJobRun<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = new Date();
  await note(
    `INSERT INTO "JobRun" (name, "lastStartedAt", "lastStatus", runs) VALUES ($1, $2, 'running', 1)
     ON CONFLICT (name) DO UPDATE SET "lastStartedAt" = excluded."lastStartedAt", "lastStatus" = 'running', runs = "JobRun".runs + 1`,
    [name, started],
  );
  try {
    const result = await run();
    const finished = new Date();
    await note(
      `UPDATE "JobRun" SET "lastFinishedAt" = $2, "lastDurationMs" = $3, "lastStatus" = 'ok', "lastError" = NULL, "lastOkAt" = $2 WHERE name = $1`,
      [name, finished, finished.getTime() - started.getTime()],
    );
    return result;
  } catch (error) {
    const finished = new Date();
    const message = errorMessage(error).slice(0, MAX_ERROR);
    await note(
      `UPDATE "JobRun" SET "lastFinishedAt" = $2, "lastDurationMs" = $3, "lastStatus" = 'failed', "lastError" = $4, failures = failures + 1 WHERE name = $1`,
      [name, finished, finished.getTime() - started.getTime(), message],
    );
    throw error;
  }
}

async function note(sql: string, values: unknown[]): Promise<void> {
  try {
    await pool().query(sql, values);
  } catch (error) {
    logger.error("job run not recorded", { error: errorMessage(error) });
  }
}
