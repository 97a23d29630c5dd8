import { pool } from "@/lib/db/pool";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

const MAX_ERROR = 500;

/**
 * Runs one turn of a background job and records it in JobRun (start, end, duration, outcome), for
 * the status page and Prometheus. Bookkeeping failures are logged and never fail the job; the job's
 * own error is recorded and rethrown. With `dueAfterMs`, the turn runs only when the job's last
 * start on any instance is at least that long ago (or unknown, or unreadable): an hourly job runs
 * hourly across restarts and instances, not an hour after each process starts.
 */
export async function recordJobRun<T>(name: string, run: () => Promise<T>, dueAfterMs?: number): Promise<{ ran: true; result: T } | { ran: false }> {
  const started = new Date();
  const due = await note(
    `INSERT INTO "JobRun" (name, "lastStartedAt", "lastStatus", runs) VALUES ($1, $2, 'running', 1)
     ON CONFLICT (name) DO UPDATE SET "lastStartedAt" = excluded."lastStartedAt", "lastStatus" = 'running', runs = "JobRun".runs + 1
     WHERE $3::int IS NULL OR "JobRun"."lastStartedAt" <= $2::timestamptz - make_interval(secs => $3::int / 1000.0)
     RETURNING name`,
    [name, started, dueAfterMs ?? null],
  );
  if (due === 0) return { ran: false };
  try {
    const result = await run();
    const finished = new Date();
    await note(
      `UPDATE "JobRun" SET "lastFinishedAt" = $2, "lastDurationMs" = $3, "lastStatus" = 'ok', "lastError" = NULL, "lastOkAt" = $2 WHERE name = $1`,
      [name, finished, finished.getTime() - started.getTime()],
    );
    return { ran: true, result };
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

/** Runs a bookkeeping statement: the rows it returned, or null when it failed (logged). */
async function note(sql: string, values: unknown[]): Promise<number | null> {
  try {
    return (await pool().query(sql, values)).rowCount;
  } catch (error) {
    logger.error("job run not recorded", { error: errorMessage(error) });
    return null;
  }
}
