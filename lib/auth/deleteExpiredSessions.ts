import { pool } from "@/lib/db/pool";

/**
 * Deletes sessions, and sign-ins left waiting for their two-factor code, that expired before `now`
 * (a background job; expired ones are already refused when used, this only keeps the tables small).
 * Bounded batches, so a large backlog never holds one long transaction. Returns how many rows went.
 */
export async function deleteExpiredSessions(now: Date, batchSize = 5_000): Promise<number> {
  let deleted = 0;
  for (const table of ["Session", "SignInChallenge"]) {
    for (;;) {
      const { rowCount } = await pool().query(
        `DELETE FROM "${table}" WHERE id IN (SELECT id FROM "${table}" WHERE "expiresAt" < $1 LIMIT $2)`,
        [now, batchSize],
      );
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < batchSize) break;
    }
  }
  return deleted;
}
