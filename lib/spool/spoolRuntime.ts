import { SPOOL_MAX_MB } from "@/lib/env";
import { Spool } from "@/lib/spool/spool";
import { spoolLocation } from "@/lib/spool/spoolLocation";
import { envNumber } from "@/scripts/envValues.mjs";

/**
 * The process's spool and whether ingest is spooling (one per process, shared by the route
 * handlers and the ingest fast path through globalThis).
 *
 * Location: lib/spool/spoolLocation.ts (FAULTLINE_SPOOL_DIR; by default next to the embedded
 * database's data directory, or `.faultline/spool` under the working directory). Bound:
 * FAULTLINE_SPOOL_MAX_MB (default 512) for the whole directory.
 */
interface SpoolRuntime {
  spool: Spool;
  /** Set when a store failed because PostgreSQL was unavailable; cleared when the spool is drained. */
  spooling: boolean;
  since: number | null;
  /**
   * Since when the replayer finds the database unavailable for what the spool holds (its probe
   * answers, the stores do not: read-only, out of disk); null once a replay went through.
   */
  replayBlockedSince: number | null;
}

const globalForSpool = globalThis as unknown as { faultlineSpool?: SpoolRuntime };

export function spoolDir(): string {
  return spoolLocation(process.env, process.cwd()).dir;
}

/** FAULTLINE_SPOOL_MAX_MB in bytes (checked at start-up by lib/env.ts with the same rule; read here without needing DATABASE_URL). */
export function spoolMaxBytes(): number {
  return Math.round(envNumber(process.env, "FAULTLINE_SPOOL_MAX_MB", SPOOL_MAX_MB) * 1024 * 1024);
}

export function spoolRuntime(): SpoolRuntime {
  globalForSpool.faultlineSpool ??= { spool: new Spool({ dir: spoolDir(), maxBytes: spoolMaxBytes() }), spooling: false, since: null, replayBlockedSince: null };
  return globalForSpool.faultlineSpool;
}

/** Ingest goes to the spool from now on (until the replayer has drained it). */
export function startSpooling(): void {
  const runtime = spoolRuntime();
  if (!runtime.spooling) {
    runtime.spooling = true;
    runtime.since = Date.now();
  }
}

/** Back to direct writes: only when nothing is left in the spool (so replay order is kept). */
export function stopSpoolingIfDrained(): boolean {
  const runtime = spoolRuntime();
  if (!runtime.spool.isEmpty()) return false;
  runtime.spooling = false;
  runtime.since = null;
  return true;
}

/** The replayer found the database unavailable for what the spool holds (true), or stored it (false). */
export function noteReplayBlocked(blocked: boolean): void {
  const runtime = spoolRuntime();
  if (!blocked) runtime.replayBlockedSince = null;
  else runtime.replayBlockedSince ??= Date.now();
}

export interface SpoolStatus {
  /** Ingest goes to the spool because PostgreSQL is unavailable: for writes, or for the replay of what the spool holds. */
  spooling: boolean;
  since: string | null;
  /** What the spool holds of this database, not yet stored. */
  bytes: number;
  maxBytes: number;
  dir: string;
  /** The directory (other databases' segments too) is at its bound: appends are refused. */
  full: boolean;
  /** How long the oldest record not yet stored has waited (ms; 0 when none). */
  lagMs: number;
  /** When a write to the spool last failed (ms since the epoch), unless one succeeded since. */
  writeFailedAt: number | null;
}

/** For /api/health, the status page and metrics: whether ingest is spooling and how much the spool holds. */
export function spoolStatus(now = Date.now()): SpoolStatus {
  const runtime = globalForSpool.faultlineSpool;
  if (!runtime) return { spooling: false, since: null, bytes: 0, maxBytes: spoolMaxBytes(), dir: spoolDir(), full: false, lagMs: 0, writeFailedAt: null };
  const { spool } = runtime;
  const since = runtime.since ?? runtime.replayBlockedSince;
  const oldest = spool.oldestSegmentMs();
  return {
    spooling: runtime.spooling || runtime.replayBlockedSince !== null,
    since: since ? new Date(since).toISOString() : null,
    bytes: spool.bytes(),
    maxBytes: spool.maxBytes,
    dir: spool.dir,
    full: spool.directoryBytes() >= spool.maxBytes,
    lagMs: oldest === null ? 0 : Math.max(0, now - oldest),
    writeFailedAt: spool.lastWriteFailureMs(),
  };
}
