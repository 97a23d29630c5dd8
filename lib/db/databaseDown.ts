/**
 * A process-wide "PostgreSQL just failed to answer" hold for the reads on the ingest path: while it
 * is on, they fail at once as unavailable (and their callers take their fallbacks: last-known keys,
 * the settings last read, leases granted uncounted) instead of each waiting out its deadline against
 * a stalled server. Set by a read that found the database unavailable and, while ingest spools, by
 * the spool replayer's probe every half second; its success lifts it. On globalThis: the fast path's
 * bundle and the route handlers share it.
 */
const HOLD_MS = 3_000;

const globalForDown = globalThis as unknown as { faultlineDatabaseDownUntil?: number };

export function markDatabaseDown(now = Date.now()): void {
  globalForDown.faultlineDatabaseDownUntil = now + HOLD_MS;
}

export function markDatabaseUp(): void {
  globalForDown.faultlineDatabaseDownUntil = 0;
}

export function databaseKnownDown(now = Date.now()): boolean {
  return now < (globalForDown.faultlineDatabaseDownUntil ?? 0);
}

/** The error a read fails with while the hold is on (read as "database unavailable": code ECONNREFUSED-like). */
export function databaseDownError(): Error {
  return Object.assign(new Error("PostgreSQL did not answer just now: not asked again yet"), { code: "ETIMEDOUT" });
}
