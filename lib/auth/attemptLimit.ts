import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";

/**
 * Password reset emails asked for, per hashed email and per client address, are limited per hour
 * (lib/auth/resetEmailThrottle.ts); their rows share "LoginFailure" with failed sign-ins, as do an
 * uptime monitor's manual checks (lib/crons/uptime/manualCheckLimit.ts, a minute's window).
 */
export const RESET_EMAIL_WINDOW_MINUTES = 60;

/**
 * Seconds until `key`'s rows in the window (other than `ownId`, the attempt being counted) drop
 * under `max`; 0 while under it. The oldest row whose expiry brings the count back under the limit
 * tells when to retry.
 */
export async function retryAfterSeconds(key: string, ownId: string, windowMinutes: number, max: number): Promise<number> {
  const { rows } = await pool().query<{ n: number; wait: number | null }>(
    `WITH w AS (
       SELECT at FROM "LoginFailure"
       WHERE key = $1 AND id <> $2 AND at > now() - make_interval(mins => $3)
     )
     SELECT (SELECT count(*)::int FROM w) AS n,
            (SELECT ceil(extract(epoch FROM (at + make_interval(mins => $3) - now())))::int
               FROM w ORDER BY at ASC OFFSET greatest((SELECT count(*) FROM w) - $4, 0) LIMIT 1) AS wait`,
    [key, ownId, windowMinutes, max],
  );
  return rows[0].n >= max ? Math.max(1, rows[0].wait ?? 1) : 0;
}

/**
 * Rows older than twice the longest window (sign-ins' or reset emails') are deleted by key order
 * (UUIDv7 ids are time-ordered), so neither limit loses rows it still counts.
 */
export async function pruneAttempts(): Promise<void> {
  const windowMs = Math.max(env().LOGIN_WINDOW_MINUTES, RESET_EMAIL_WINDOW_MINUTES) * 60_000;
  await pool().query(`DELETE FROM "LoginFailure" WHERE id < $1::uuid`, [uuidv7Floor(Date.now() - 2 * windowMs)]);
}

/** The smallest UUIDv7 of a millisecond: every id made at or after it sorts at or after it. */
function uuidv7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
