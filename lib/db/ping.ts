import { withConnectionWithin } from "@/lib/db/connectionDeadline";
import { pool } from "@/lib/db/pool";

/** How long a ping may take before the database counts as unavailable (it answers in a millisecond when well). */
export const PING_TIMEOUT_MS = 2_000;

/**
 * True when PostgreSQL answers `SELECT 1` within `timeoutMs`. A frozen server or a dead network path
 * answers false at the deadline (its connection is closed, not left waiting), so the health check
 * and the spool replayer's probe never hang with it.
 */
export function pingDatabase(timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  return withConnectionWithin(pool(), timeoutMs, async (client) => {
    await client.query("SELECT 1");
    return true;
  }).catch(() => false);
}
