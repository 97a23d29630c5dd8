import type pg from "pg";
import { settleWithin } from "@/lib/db/settleWithin";

/**
 * The message of a connection that did not come within its deadline: the words pg-pool uses for its
 * own connection timeout, so lib/http/databaseUnavailable.ts reads both as "database unavailable".
 */
const CONNECT_TIMEOUT = "timeout exceeded when trying to connect";

/**
 * A connection from `from` within `ms` (0: no limit). One that arrives after the deadline is handed
 * back to the pool unused. A frozen PostgreSQL still accepts TCP connections into its backlog and
 * never answers the startup message, so without a bound a caller waits for as long as it is frozen.
 */
export function connectWithin(from: pg.Pool, ms: number): Promise<pg.PoolClient> {
  return settleWithin(from.connect(), ms, () => new Error(`${CONNECT_TIMEOUT} (within ${ms} ms)`), (late) => late.release());
}

/**
 * Closes a checked-out connection if it is still in use after `ms` (0: never): its pending query
 * fails at once ("Connection terminated unexpectedly", which ingest reads as the database being
 * unavailable), and PostgreSQL rolls back the open transaction when it reads the close. For a server
 * that stopped answering (frozen, or a network path that drops packets): no query on it would ever
 * settle otherwise. While watched, the connection's error event is absorbed (checked-out clients
 * have no listener of the pool's, and an unheard error event would be thrown).
 */
export function watchConnection(client: pg.PoolClient, ms: number): { stop(): void; fired(): boolean } {
  if (!(ms > 0)) return { stop: () => undefined, fired: () => false };
  let fired = false;
  const absorb = () => undefined;
  client.on("error", absorb);
  const timer = setTimeout(() => {
    fired = true;
    closeConnection(client);
  }, ms);
  return {
    stop: () => {
      clearTimeout(timer);
      // After a close, pg emits its error on the next turns: keep absorbing it then.
      if (!fired) client.off("error", absorb);
    },
    fired: () => fired,
  };
}

/**
 * Runs `fn` on a connection from `from`, the whole of it — the wait for the connection included —
 * bounded by `ms` (0: none): past it the connection is closed (watchConnection) and given back as
 * broken, so the pool discards it. `closed()` tells `fn` whether that happened (nothing more can be
 * sent on it then, not even a ROLLBACK).
 */
export async function withConnectionWithin<T>(from: pg.Pool, ms: number, fn: (client: pg.PoolClient, closed: () => boolean) => Promise<T>): Promise<T> {
  const started = performance.now();
  const client = await connectWithin(from, ms);
  const watch = watchConnection(client, ms > 0 ? Math.max(1, ms - (performance.now() - started)) : 0);
  try {
    return await fn(client, watch.fired);
  } finally {
    watch.stop();
    client.release(watch.fired() ? new Error("connection closed at its deadline") : undefined);
  }
}

/** Destroys the connection's socket (pg keeps it as `connection.stream`). */
export function closeConnection(client: pg.Client | pg.PoolClient): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}
