import { lockPool } from "@/lib/db/pool";

/**
 * A stable advisory-lock key for a name (32-bit FNV-1a), so each background job has its own lock
 * without a hand-kept table of numbers.
 */
export function advisoryLockKey(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Runs `fn` only if this instance gets the transaction-scoped advisory lock `key`; returns
 * { ran: false } at once otherwise (with `wait`, waits for the lock instead). The lock is held by an
 * open transaction on a connection of its own pool (lockPool: never one `fn` needs for its work) for
 * as long as `fn` runs and is released when it ends, or when the process dies and its connection
 * closes, so a crashed instance never blocks the others.
 */
export async function withAdvisoryLock<T>(key: number, fn: () => Promise<T>, options: { wait?: boolean } = {}): Promise<{ ran: true; result: T } | { ran: false }> {
  const client = await lockPool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(
      options.wait ? "SELECT pg_advisory_xact_lock($1) IS NOT NULL AS locked" : "SELECT pg_try_advisory_xact_lock($1) AS locked",
      [key],
    );
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
