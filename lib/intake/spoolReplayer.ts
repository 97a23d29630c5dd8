import fs from "node:fs";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { markDatabaseDown, markDatabaseUp } from "@/lib/db/databaseDown";
import { readDatabaseIdentity } from "@/lib/db/databaseIdentity";
import { pingDatabase } from "@/lib/db/ping";
import { prepareSpooled } from "@/lib/intake/prepareSpooled";
import { storeAndFanOutDirect } from "@/lib/intake/storeAndFanOut";
import { storeNonEventItemsDirect } from "@/lib/intake/storeNonEventItems";
import { logger } from "@/lib/logger";
import { replaySpool } from "@/lib/spool/replaySpool";
import { Spool } from "@/lib/spool/spool";
import { spoolLocation } from "@/lib/spool/spoolLocation";
import { noteReplayBlocked, spoolRuntime, startSpooling, stopSpoolingIfDrained } from "@/lib/spool/spoolRuntime";

const globalForReplayer = globalThis as unknown as { faultlineSpoolReplayer?: { stop: () => Promise<void> } };

/** How often the replayer looks at the spool: INGEST_ACK=commit uses it for outages only. */
const OUTAGE_INTERVAL_MS = 500;
/** With INGEST_ACK=log or auto the log is ingest's normal path: looked at often, so events show soon. */
const LOG_INTERVAL_MS = 10;

const sinks = { events: storeAndFanOutDirect, items: storeNonEventItemsDirect, prepare: prepareSpooled };

/**
 * Started once per process (instrumentation.ts): every `intervalMs` while ingest is spooling, or
 * whenever the spool directory holds segments (e.g. left by a crashed instance, or written because
 * INGEST_ACK answers from the log), it checks that PostgreSQL answers and replays the spool in
 * order (then ingest writes directly again). A turn that stored something is followed by the next
 * one at once. Not a lib/jobs job: the spool is local to this machine, not shared through the
 * database.
 *
 * Before its first replay, and again after PostgreSQL was away, it reads which database it stores
 * into (lib/db/databaseIdentity.ts) and gives it to the spool: segments are stamped with it, and only
 * this database's are replayed (lib/spool/spool.ts). A turn that finds the database unavailable for
 * the spool's records although its probe answers (read-only, out of disk) marks the replay blocked —
 * /api/health says `degraded (spooling)` — and the turns after it replay what is sealed without
 * sealing the open segment, until a replay goes through (else every turn sealed a new small segment).
 * With the embedded database's spool moved next to its data directory, the folder earlier versions
 * used (lib/spool/spoolLocation.ts) is replayed once, at start-up, for what it holds of this database.
 */
export function startSpoolReplayer(intervalMs = env().INGEST_ACK === "commit" ? OUTAGE_INTERVAL_MS : LOG_INTERVAL_MS): void {
  if (globalForReplayer.faultlineSpoolReplayer) return;
  const runtime = spoolRuntime();
  // Segments from before a restart: replay them before writing anything new directly.
  runtime.spool.rescan();
  let earlier = earlierSpool(runtime.spool);
  if (!runtime.spool.isEmpty() || (earlier && !earlier.isEmpty())) startSpooling();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  /** The database's identity must be read (again) before the next replay: at start, and after PostgreSQL was away. */
  let identityStale = true;
  let blocked = false;
  let otherDatabases = 0;

  const learnIdentity = async () => {
    let identity: string;
    try {
      identity = await readDatabaseIdentity();
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      // Not to be read here (an unusual server): segments stay unstamped, anyone's, as before the stamp.
      logger.error("the database's identity could not be read: spool segments are not stamped with it", { error });
      identityStale = false;
      return;
    }
    for (const spool of [runtime.spool, earlier]) {
      if (spool && spool.identity !== identity) {
        if (spool.identity) logger.warn("the database this instance stores into is another one than before: the spool's segments of the earlier one stay for an instance on it", { dir: spool.dir });
        spool.identify(identity);
      }
    }
    identityStale = false;
    // Segments of another database (a folder shared with an instance on another database): left alone, said once.
    const others = runtime.spool.otherDatabasesSegments();
    if (others > 0 && otherDatabases === 0) logger.warn("the spool folder holds segments of another database: left for an instance on that database", { dir: runtime.spool.dir, segments: others });
    otherDatabases = others;
  };

  /** The earlier default folder, once: dropped when replayed, or when it cannot be (said in the log). */
  const replayEarlier = async (spool: Spool): Promise<number> => {
    try {
      const result = await replaySpool(spool, sinks, isDatabaseUnavailable, { seal: false });
      if (result.records > 0) logger.info("the earlier default spool folder replayed", { dir: spool.dir, ...result });
      earlier = null;
      return result.records;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      logger.error("the earlier default spool folder could not be replayed: what it holds stays there", { dir: spool.dir, error });
      earlier = null;
      return 0;
    }
  };

  /** One look at the spool; true when it stored something. */
  const turn = async (): Promise<boolean> => {
    if (!(runtime.spooling || !runtime.spool.isEmpty() || identityStale || earlier)) return false;
    // The probe also holds the ingest path's reads off a server that does not answer, and lets them
    // ask again as soon as it does (lib/db/databaseDown.ts).
    const answers = await pingDatabase();
    if (answers) markDatabaseUp();
    else markDatabaseDown();
    if (!answers) {
      identityStale = true;
      return false;
    }
    try {
      if (identityStale) await learnIdentity();
      const fromEarlier = earlier ? await replayEarlier(earlier) : 0;
      if (!runtime.spooling && runtime.spool.isEmpty()) return fromEarlier > 0;
      const result = await replaySpool(runtime.spool, sinks, isDatabaseUnavailable, { seal: !blocked });
      if (blocked) {
        // What was sealed went through: the open segment is sealed and stored by the next turn, at once.
        blocked = false;
        noteReplayBlocked(false);
        logger.info("the spool's records are stored again");
        return true;
      }
      // An outage's replay is news; the log's every-few-milliseconds turns (INGEST_ACK) are not.
      if (result.records > 0 && runtime.spooling) logger.info("spool replayed", { ...result });
      else if (result.records > 0) logger.debug("log stored", { ...result });
      if (runtime.spooling && stopSpoolingIfDrained()) logger.info("PostgreSQL is back and the spool is empty: ingest writes directly again");
      return fromEarlier + result.records > 0;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) {
        logger.error("spool replay failed", { error });
        return false;
      }
      // PostgreSQL answers its probe but not the replay (read-only, out of disk or connections).
      if (!blocked) logger.warn("PostgreSQL answers but does not store the spool's records: replay waits", { error });
      blocked = true;
      noteReplayBlocked(true);
      return false;
    }
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
      if (env().INGEST_ACK !== "commit") {
        blocked = false;
        await turn();
      }
      await runtime.spool.close();
    },
  };
}

/** Shutdown: waits for a replay in progress, then makes sure everything spooled is on disk. */
export async function stopSpoolReplayer(): Promise<void> {
  await globalForReplayer.faultlineSpoolReplayer?.stop();
}

/**
 * The folder earlier versions spooled in by default, when it is not this process's and holds
 * segments: replayed once (its segments of this database, and those without a database).
 */
function earlierSpool(spool: Spool): Spool | null {
  const { earlierDir } = spoolLocation(process.env, process.cwd());
  if (!earlierDir || earlierDir === spool.dir) return null;
  let names: string[];
  try {
    names = fs.readdirSync(earlierDir);
  } catch {
    return null;
  }
  if (!names.some((name) => /\.(open|spool|replaying-\d+)$/.test(name))) return null;
  logger.info("the spool moved next to the embedded database's data directory: the earlier default folder is replayed once", { from: earlierDir, to: spool.dir });
  return new Spool({ dir: earlierDir, maxBytes: Number.MAX_SAFE_INTEGER });
}
