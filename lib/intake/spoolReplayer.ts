import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { markDatabaseDown, markDatabaseUp } from "@/lib/db/databaseDown";
import { pingDatabase } from "@/lib/db/ping";
import { prepareSpooled } from "@/lib/intake/prepareSpooled";
import { storeAndFanOutDirect } from "@/lib/intake/storeAndFanOut";
import { storeNonEventItemsDirect } from "@/lib/intake/storeNonEventItems";
import { logger } from "@/lib/logger";
import { replaySpool } from "@/lib/spool/replaySpool";
import { spoolRuntime, startSpooling, stopSpoolingIfDrained } from "@/lib/spool/spoolRuntime";

const globalForReplayer = globalThis as unknown as { faultlineSpoolReplayer?: { stop: () => Promise<void> } };

/** How often the replayer looks at the spool: INGEST_ACK=commit uses it for outages only. */
const OUTAGE_INTERVAL_MS = 500;
/** With INGEST_ACK=log or auto the log is ingest's normal path: looked at often, so events show soon. */
const LOG_INTERVAL_MS = 10;

/**
 * Started once per process (instrumentation.ts): every `intervalMs` while ingest is spooling, or
 * whenever the spool directory holds segments (e.g. left by a crashed instance, or written because
 * INGEST_ACK answers from the log), it checks that PostgreSQL answers and replays the spool in
 * order (then ingest writes directly again). A turn that stored something is followed by the next
 * one at once. Not a lib/jobs job: the spool is local to this machine, not shared through the
 * database.
 */
export function startSpoolReplayer(intervalMs = env().INGEST_ACK === "commit" ? OUTAGE_INTERVAL_MS : LOG_INTERVAL_MS): void {
  if (globalForReplayer.faultlineSpoolReplayer) return;
  const runtime = spoolRuntime();
  // Segments from before a restart: replay them before writing anything new directly.
  runtime.spool.rescan();
  if (!runtime.spool.isEmpty()) startSpooling();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  /** One look at the spool; true when it stored something. */
  const turn = async (): Promise<boolean> => {
    if (runtime.spooling || !runtime.spool.isEmpty()) {
      // The probe also holds the ingest path's reads off a server that does not answer, and lets them
      // ask again as soon as it does (lib/db/databaseDown.ts).
      const answers = await pingDatabase();
      if (answers) markDatabaseUp();
      else markDatabaseDown();
      if (answers) {
        try {
          const result = await replaySpool(runtime.spool, { events: storeAndFanOutDirect, items: storeNonEventItemsDirect, prepare: prepareSpooled }, isDatabaseUnavailable);
          // An outage's replay is news; the log's every-few-milliseconds turns (INGEST_ACK) are not.
          if (result.records > 0 && runtime.spooling) logger.info("spool replayed", { ...result });
          else if (result.records > 0) logger.debug("log stored", { ...result });
          if (runtime.spooling && stopSpoolingIfDrained()) logger.info("PostgreSQL is back and the spool is empty: ingest writes directly again");
          return result.records > 0;
        } catch (error) {
          if (!isDatabaseUnavailable(error)) logger.error("spool replay failed", { error });
        }
      }
    }
    return false;
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = turn()
        .then((stored) => {
          running = null;
          schedule(stored ? 0 : intervalMs);
        })
        .catch(() => {
          running = null;
          schedule(intervalMs);
        });
    }, delayMs).unref();
  };
  schedule(intervalMs);
  globalForReplayer.faultlineSpoolReplayer = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
      // Answering from the log leaves its last moments in the spool: store them before exiting, so
      // a stopped instance leaves nothing behind (if PostgreSQL answers; the shutdown bounds this).
      if (env().INGEST_ACK !== "commit") await turn();
      await runtime.spool.close();
    },
  };
}

/** Shutdown: waits for a replay in progress, then makes sure everything spooled is on disk. */
export async function stopSpoolReplayer(): Promise<void> {
  await globalForReplayer.faultlineSpoolReplayer?.stop();
}
