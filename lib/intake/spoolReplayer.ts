import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { markDatabaseDown, markDatabaseUp } from "@/lib/db/databaseDown";
import { pingDatabase } from "@/lib/db/ping";
import { storeAndFanOutDirect } from "@/lib/intake/storeAndFanOut";
import { storeNonEventItemsDirect } from "@/lib/intake/storeNonEventItems";
import { logger } from "@/lib/logger";
import { replaySpool } from "@/lib/spool/replaySpool";
import { spoolRuntime, startSpooling, stopSpoolingIfDrained } from "@/lib/spool/spoolRuntime";

const globalForReplayer = globalThis as unknown as { faultlineSpoolReplayer?: { stop: () => Promise<void> } };

/**
 * Started once per process (instrumentation.ts): every `intervalMs` while ingest is spooling, or
 * whenever the spool directory holds segments (e.g. left by a crashed instance), it checks that
 * PostgreSQL answers and replays the spool in order (then ingest writes directly again). Not a
 * lib/jobs job: the spool is local to this machine, not shared through the database.
 */
export function startSpoolReplayer(intervalMs = 500): void {
  if (globalForReplayer.faultlineSpoolReplayer) return;
  const runtime = spoolRuntime();
  // Segments from before a restart: replay them before writing anything new directly.
  runtime.spool.rescan();
  if (!runtime.spool.isEmpty()) startSpooling();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  const turn = async () => {
    if (runtime.spooling || !runtime.spool.isEmpty()) {
      // The probe also holds the ingest path's reads off a server that does not answer, and lets them
      // ask again as soon as it does (lib/db/databaseDown.ts).
      const answers = await pingDatabase();
      if (answers) markDatabaseUp();
      else markDatabaseDown();
      if (answers) {
        try {
          const result = await replaySpool(runtime.spool, { events: storeAndFanOutDirect, items: storeNonEventItemsDirect }, isDatabaseUnavailable);
          if (result.records > 0) logger.info("spool replayed", { ...result });
          if (stopSpoolingIfDrained()) logger.info("PostgreSQL is back and the spool is empty: ingest writes directly again");
        } catch (error) {
          if (!isDatabaseUnavailable(error)) logger.error("spool replay failed", { error });
        }
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = turn().finally(() => {
        running = null;
        schedule();
      });
    }, intervalMs).unref();
  };
  schedule();
  globalForReplayer.faultlineSpoolReplayer = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      if (running) await running;
      await runtime.spool.close();
    },
  };
}

/** Shutdown: waits for a replay in progress, then makes sure everything spooled is on disk. */
export async function stopSpoolReplayer(): Promise<void> {
  await globalForReplayer.faultlineSpoolReplayer?.stop();
}
