import path from "node:path";
import { SPOOL_MAX_MB } from "@/lib/env";
import { Spool } from "@/lib/spool/spool";
import { envNumber, envText } from "@/scripts/envValues.mjs";

/**
 * The process's spool and whether ingest is spooling (one per process, shared by the route
 * handlers and the ingest fast path through globalThis).
 *
 * Location: FAULTLINE_SPOOL_DIR, default `.faultline/spool` under the working directory (beside the
 * embedded database's data). Bound: FAULTLINE_SPOOL_MAX_MB (default 512) for the whole directory.
 */
interface SpoolRuntime {
  spool: Spool;
  /** Set when a store failed because PostgreSQL was unavailable; cleared when the spool is drained. */
  spooling: boolean;
  since: number | null;
}

const globalForSpool = globalThis as unknown as { faultlineSpool?: SpoolRuntime };

export function spoolDir(): string {
  // A runtime location, not a build input: the ignore comment keeps the bundler from tracing the
  // whole project into the standalone output because of this path.
  return path.resolve(/*turbopackIgnore: true*/ envText(process.env, "FAULTLINE_SPOOL_DIR") ?? path.join(process.cwd(), ".faultline", "spool"));
}

/** FAULTLINE_SPOOL_MAX_MB in bytes (checked at start-up by lib/env.ts with the same rule; read here without needing DATABASE_URL). */
export function spoolMaxBytes(): number {
  return Math.round(envNumber(process.env, "FAULTLINE_SPOOL_MAX_MB", SPOOL_MAX_MB) * 1024 * 1024);
}

export function spoolRuntime(): SpoolRuntime {
  globalForSpool.faultlineSpool ??= { spool: new Spool({ dir: spoolDir(), maxBytes: spoolMaxBytes() }), spooling: false, since: null };
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

/** For /api/health: whether ingest is spooling and how much the spool holds. */
export function spoolStatus(): { spooling: boolean; since: string | null; bytes: number; maxBytes: number; dir: string } {
  const runtime = globalForSpool.faultlineSpool;
  if (!runtime) return { spooling: false, since: null, bytes: 0, maxBytes: spoolMaxBytes(), dir: spoolDir() };
  return {
    spooling: runtime.spooling,
    since: runtime.since ? new Date(runtime.since).toISOString() : null,
    bytes: runtime.spool.bytes(),
    maxBytes: runtime.spool.maxBytes,
    dir: runtime.spool.dir,
  };
}
