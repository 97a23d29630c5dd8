import { whenIngestQueueIdle } from "@/lib/alerts/evaluate/ingestQueue";
import { settleDispatches } from "@/lib/alerts/notify/processDeliveries";
import { endPools } from "@/lib/db/pool";
import { SHUTDOWN_TIMEOUT_MS } from "@/lib/env";
import { envInteger } from "@/scripts/envValues.mjs";
import { inFlightCount, startDraining, whenIdle } from "@/lib/http/inFlight";
import { stopSpoolReplayer } from "@/lib/intake/spoolReplayer";
import { logger } from "@/lib/logger";
import { flushIngestCounters } from "@/lib/ingestHealth/ingestCounters";
import { flushCountBuffers } from "@/lib/ingestHealth/countBuffer";

const globalForShutdown = globalThis as unknown as {
  faultlineShutdown?: Promise<void>;
  faultlineJobs?: { stop: () => void };
  /** For a custom server (outside the Next.js bundle): run this, then close the server and exit. */
  faultlineShutDownGracefully?: (signal: string) => Promise<void>;
};

/** Upper bound of a graceful shutdown (FAULTLINE_SHUTDOWN_TIMEOUT_MS, default 15 s): then it exits anyway. */
export function shutdownTimeoutMs(): number {
  // Checked at start-up by lib/env.ts with the same rule.
  return envInteger(process.env, "FAULTLINE_SHUTDOWN_TIMEOUT_MS", SHUTDOWN_TIMEOUT_MS);
}

/**
 * Graceful shutdown, in order: stop taking requests (new ones get 503 + Retry-After + Connection:
 * close), let those in flight finish, stop the background jobs and the spool replayer (everything
 * spooled is fsync'ed), let immediate-alert evaluation and notification sends started so far
 * finish (what is left stays in the AlertOutbox and delivery tables for the next instance), close
 * the PostgreSQL pools. Bounded: whatever is not done after the timeout is left to the durable
 * queues, and the process exits.
 */
export function shutDownGracefully(signal: string): Promise<void> {
  globalForShutdown.faultlineShutdown ??= (async () => {
    const deadline = Date.now() + shutdownTimeoutMs();
    const left = () => Math.max(0, deadline - Date.now());
    logger.info("shutting down", { signal, inFlight: inFlightCount() });
    startDraining();
    const idle = await whenIdle(left() * 0.6);
    globalForShutdown.faultlineJobs?.stop();
    await bounded(stopSpoolReplayer(), left());
    await bounded(Promise.all([whenIngestQueueIdle(), settleDispatches()]), left());
    // The last seconds' ingest counts (accepted, rate-limited, filtered, discarded…), or they die with the process.
    await bounded(Promise.all([flushIngestCounters(), flushCountBuffers()]), left());
    await bounded(endPools(), left());
    logger.info("shutdown complete", { inFlightFinished: idle, msLeft: left() });
    logger.flush();
  })();
  return globalForShutdown.faultlineShutdown;
}

function bounded(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch((error) => logger.error("shutdown step failed", { error })), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/**
 * Takes over SIGTERM and SIGINT from `next start`: our shutdown runs first, then Next.js's own
 * (closes its server and exits). A hard exit after the timeout guards against anything hanging.
 */
export function installShutdownHandlers(): void {
  globalForShutdown.faultlineShutDownGracefully = shutDownGracefully;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const previous = process.listeners(signal);
    process.removeAllListeners(signal);
    process.on(signal, () => {
      setTimeout(() => process.exit(1), shutdownTimeoutMs() + 2_000).unref();
      void shutDownGracefully(signal).then(() => {
        if (previous.length === 0) process.exit(0);
        for (const listener of previous) (listener as (s: NodeJS.Signals) => void)(signal);
      });
    });
  }
}
