import { pruneAttempts, retryAfterSeconds } from "@/lib/auth/attemptLimit";
import { pool } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** "Check now" requests a monitor's URL at most this often per minute (the schedule's own checks aside). */
export const MANUAL_CHECKS_PER_MINUTE = 5;

/** The counter of a monitor's manual checks, beside the sign-in and reset-email counters ("LoginFailure"). */
export function manualCheckKey(monitorId: string): string {
  return `monitor-check:${monitorId}`;
}

/**
 * Counts a manual check of a monitor before its URL is requested, so parallel requests cannot all
 * slip under the limit: past MANUAL_CHECKS_PER_MINUTE in the last minute the check is withdrawn and
 * refused with 429, Retry-After and `limit: "monitor"`. Rows live in PostgreSQL, so every app instance
 * applies the same limit: "check now" cannot make the server hammer a URL, nor ask it questions fast.
 */
export async function countManualCheck(monitorId: string): Promise<void> {
  const key = manualCheckKey(monitorId);
  const id = uuidv7();
  await pool().query(`INSERT INTO "LoginFailure" (id, key, at) VALUES ($1, $2, now())`, [id, key]);
  const retryAfter = await retryAfterSeconds(key, id, 1, MANUAL_CHECKS_PER_MINUTE);
  if (retryAfter > 0) {
    await pool().query(`DELETE FROM "LoginFailure" WHERE id = $1`, [id]);
    throw new ApiError(
      429,
      "too_many_checks",
      `this monitor was checked ${MANUAL_CHECKS_PER_MINUTE} times in the last minute: try again in ${retryAfter} s`,
      { limit: "monitor", max: MANUAL_CHECKS_PER_MINUTE, retryAfter },
      { "Retry-After": String(retryAfter) },
    );
  }
  await pruneAttempts();
}
