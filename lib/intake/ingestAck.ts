import type { IngestAck } from "@/lib/domain/ingestAck";

/**
 * When an ingest request is answered (INGEST_ACK):
 * - `commit`: once its events are committed to PostgreSQL (through the group commit); read-your-
 *   writes, and every instance stateless.
 * - `log`: once they are fsync'ed in this instance's local log (lib/spool); the spool replayer stores
 *   them moments later in transactions of hundreds of events. An answered event is on disk either
 *   way; it shows in the dashboard a moment after the answer, and stays on this machine until then.
 * - `auto`: `commit` while the group commit keeps up; once `backlog` requests are waiting for it,
 *   `log` — and `log` for everyone while the log holds anything, so nothing answered later is
 *   committed ahead of what the log still holds.
 * While PostgreSQL is unavailable every mode writes to the log (lib/intake/durableStore.ts).
 */
export interface AckState {
  mode: IngestAck;
  /** The local log holds nothing (nothing waiting to be written, replayed or deleted). */
  logEmpty: boolean;
  /** Requests waiting for the group commit (not yet in a transaction). */
  waitingWrites: number;
  /** `auto`: waiting requests at which answers come from the log. */
  backlog: number;
}

export function answersFromLog(state: AckState): boolean {
  switch (state.mode) {
    case "commit":
      return false;
    case "log":
      return true;
    case "auto":
      return !state.logEmpty || state.waitingWrites >= state.backlog;
  }
}
