import { pool } from "@/lib/db/pool";

/** Advisory lock keys (arbitrary, stable): one background evaluator at a time across all instances. */
export const ALERT_EVALUATOR_LOCK = 0x4641_4c54; // "FALT"

/**
 * Runs `fn` only if this instance gets the transaction-scoped advisory lock `key`; returns
 * { ran: false } at once otherwise. The lock is held by an open transaction on a dedicated
 * connection for as long as `fn` runs and is released when it ends, or when the process dies and its
 * connection closes, so a crashed instance never blocks the others.
 */
export async function withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [key]);
    if (!rows[0].locked) {
      await client.query("ROLLBACK");
      return { ran: false };
    }
    try {
      return { ran: true, result: await fn() };
    } finally {
      await client.query("COMMIT").catch(() => undefined);
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
