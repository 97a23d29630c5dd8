import { pool } from "@/lib/db/pool";

/**
 * Deletes sessions that expired before `now` (a background job; expired sessions are already
 * refused at sign-in time, this only keeps the table small). Bounded batches, so a large backlog
 * never holds one long transaction. Returns how many rows went.
 */
export async function deleteExpiredSessions(now: Date, batchSize = 5_000): Promise<number> {
  let deleted = 0;
  for (;;) {
    const { rowCount } = await pool().query(
      `DELETE FROM "Session" WHERE id IN (SELECT id FROM "Session" WHERE "expiresAt" < $1 LIMIT $2)`,
      [now, batchSize],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchSize) return deleted;
  }
}
