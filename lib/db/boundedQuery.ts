import type pg from "pg";
import { databaseDownError, databaseKnownDown, markDatabaseDown } from "@/lib/db/databaseDown";
import { pool } from "@/lib/db/pool";
import { databaseTimeout, settleWithin } from "@/lib/db/settleWithin";

/**
 * How long a read on the ingest path (a key, a project's settings, a rate-limit lease, a spike
 * count) may take before it counts as the database being unavailable: indexed single-row statements
 * that take a millisecond when PostgreSQL is well — 5 s is far past a busy pool's wait on a loaded
 * machine, where a false alarm would refuse a request whose key is not cached yet. A frozen server
 * never answers them, and every request waiting on one would wait with it; past the bound each
 * caller does what it does when PostgreSQL is down (last-known answers, limits fail open, events
 * spooled).
 */
export const HOT_PATH_QUERY_TIMEOUT_MS = 5_000;

/**
 * `pool().query` that fails as "database unavailable" (code ETIMEDOUT) after `ms` instead of waiting
 * on — and at once while another read has just found PostgreSQL unavailable (lib/db/databaseDown.ts).
 */
export async function boundedQuery<R extends pg.QueryResultRow>(text: string, values: unknown[], ms = HOT_PATH_QUERY_TIMEOUT_MS): Promise<pg.QueryResult<R>> {
  if (databaseKnownDown()) throw databaseDownError();
  let timedOut: Error | undefined;
  try {
    return await settleWithin(pool().query<R>(text, values), ms, () => (timedOut = databaseTimeout("a query on the ingest path", ms)));
  } catch (error) {
    // A stall (no answer in time) holds the others off; a refused connection fails fast by itself.
    if (error === timedOut) markDatabaseDown();
    throw error;
  }
}
