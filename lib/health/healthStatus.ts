import type { IngestAck } from "@/lib/domain/ingestAck";

/** The oldest record not yet stored may wait this long before the instance counts as behind (answering from the log takes tens of ms). */
export const SPOOL_LAG_DEGRADED_MS = 5_000;
/** A failed spool write counts for this long (the 503 it caused says Retry-After: 10), unless a write succeeds or replay frees space first. */
export const SPOOL_WRITE_FAILURE_MS = 10_000;

export interface HealthInput {
  /** PostgreSQL answered the health check's ping. */
  database: boolean;
  ack: IngestAck;
  spool: { spooling: boolean; bytes: number; full: boolean; lagMs: number; writeFailedAt: number | null };
  now: number;
}

export type HealthStatus = "ok" | "degraded (spooling)" | "unavailable";

/**
 * What GET /api/health says:
 * - `unavailable` (503) when this instance refuses every event: they go to the spool (PostgreSQL is
 *   unavailable, ingest is spooling, or INGEST_ACK answers from the log) and the spool takes none —
 *   full, or its last write failed (a full disk below FAULTLINE_SPOOL_MAX_MB, an I/O error) within
 *   SPOOL_WRITE_FAILURE_MS; a proxy sends events to another instance meanwhile;
 * - `degraded (spooling)` (200, events are still taken) while PostgreSQL does not answer, ingest is
 *   spooling (also when the replayer finds PostgreSQL answering but not storing: read-only, out of
 *   disk), or the oldest record not yet stored is older than SPOOL_LAG_DEGRADED_MS;
 * - `ok` otherwise.
 */
export function healthStatus({ database, ack, spool, now }: HealthInput): HealthStatus {
  const toSpool = !database || spool.spooling || ack === "log" || (ack === "auto" && spool.bytes > 0);
  const writeFailing = spool.writeFailedAt !== null && now - spool.writeFailedAt < SPOOL_WRITE_FAILURE_MS;
  if (toSpool && (spool.full || writeFailing)) return "unavailable";
  if (!database || spool.spooling || spool.lagMs > SPOOL_LAG_DEGRADED_MS) return "degraded (spooling)";
  return "ok";
}
