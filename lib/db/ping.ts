import { connectWithin, watchConnection } from "@/lib/db/connectionDeadline";
import { pool } from "@/lib/db/pool";

/** How long a ping may take before the database counts as unavailable (it answers in a millisecond when well). */
export const PING_TIMEOUT_MS = 2_000;

/**
 * True when PostgreSQL answers `SELECT 1` within `timeoutMs`. A frozen server or a dead network path
 * answers false at the deadline (its connection is closed, not left waiting), so the health check
 * and the spool replayer's probe never hang with it.
 */
export async function pingDatabase(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  const started = performance.now();
  try {
    const client = await connectWithin(pool(), timeoutMs);
    const watch = watchConnection(client, Math.max(1, timeoutMs - (performance.now() - started)));
    try {
      await client.query("SELECT 1");
      return true;
    } finally {
      watch.stop();
      client.release(watch.fired() ? new Error("connection closed at its deadline") : undefined);
    }
  } catch {
    return false;
  }
}
