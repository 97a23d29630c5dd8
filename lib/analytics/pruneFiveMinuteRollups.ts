import { pool } from "@/lib/db/pool";

/** The 1h view reads at most 2.5 hours back (window, previous window, 30 min of baseline): two days is ample. */
export const FIVE_MINUTE_KEEP_MS = 2 * 86_400_000;
/** Rows deleted per statement, so no delete holds its locks or bloats the WAL for long. */
const BATCH = 20_000;

/**
 * Deletes 5-minute rollup rows (per group and per user/agent) older than FIVE_MINUTE_KEEP_MS, in
 * batches: those tables serve only the 1h view, and without pruning they would grow like the
 * occurrences. Returns the number of rows deleted.
 */
export async function pruneFiveMinuteRollups(now: Date): Promise<number> {
  const before = new Date(now.getTime() - FIVE_MINUTE_KEEP_MS);
  let deleted = 0;
  // The per-fingerprint 5-minute rows (span 5) that unmerge shifts ErrorFiveMinute by go with them.
  for (const [table, extra] of [["ErrorFiveMinute", ""], ["ActorFiveMinute", ""], ["GroupFingerprintBucket", " AND span = 5"]]) {
    for (;;) {
      const { rowCount } = await pool().query(
        `DELETE FROM "${table}" WHERE ctid IN (SELECT ctid FROM "${table}" WHERE bucket < $1${extra} LIMIT ${BATCH})`,
        [before],
      );
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < BATCH) break;
    }
  }
  return deleted;
}
