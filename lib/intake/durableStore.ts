import { randomUUID } from "node:crypto";
import { databaseTimeout, settleWithin } from "@/lib/db/settleWithin";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { ApiError } from "@/lib/http/ApiError";
import { answersFromLog } from "@/lib/intake/ingestAck";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { answerBatch, firstIndexOfEventId } from "@/lib/ingest/repeatedEventIds";
import { groupIdFor, type StoreOptions, type StoreOutcome, type StoreTarget } from "@/lib/ingest/storeEvents";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { SpoolFullError } from "@/lib/spool/spool";
import { hasItems, type SpoolEntry, type SpooledItems, type UnpreparedEvents } from "@/lib/spool/spoolEntry";
import { spoolRuntime, startSpooling } from "@/lib/spool/spoolRuntime";

/** How long a client should wait before retrying when the spool is full. */
export const SPOOL_FULL_RETRY_AFTER_S = 30;

/**
 * The store stage's guarantee: an accepted event is either committed to PostgreSQL or durably in
 * the local spool before the request is answered. While PostgreSQL is unreachable (or the spool
 * still holds events from an outage, to keep their order), and whenever INGEST_ACK says to answer
 * from the log (lib/intake/ingestAck.ts; `waitingWrites`: requests waiting for the group commit),
 * events are appended to the spool and the request is answered with `spooled: true`; the replayer
 * stores them (at once, or when PostgreSQL is back).
 * A full spool is 503 with Retry-After, never a 500. The receive-time sampling decision (`options`)
 * is spooled with the events and applied on replay. `unprepared`: the events as received, because
 * the project's settings could not be read — always spooled so (lib/intake/prepareSpooled.ts).
 */
export async function storeDurably(
  target: StoreTarget,
  events: PreparedEvent[],
  storeDirect: () => Promise<StoreOutcome>,
  options: StoreOptions = {},
  waitingWrites = 0,
  unprepared?: UnpreparedEvents,
): Promise<StoreOutcome> {
  const decided = options.store || options.issueCap ? { options } : {};
  // Prepared without the project's settings (they could not be read): never stored so; spooled as
  // received, prepared on replay once they can be read.
  if (unprepared) {
    await appendToSpool({ id: randomUUID(), at: new Date().toISOString(), target, events: [], unprepared, ...decided });
    return spooledOutcome(target, events);
  }
  const stored = await tryDirect(storeDirect, "events", waitingWrites);
  if (stored.done) return stored.value;
  await appendToSpool({ id: randomUUID(), at: new Date().toISOString(), target, events, ...decided });
  return spooledOutcome(target, events);
}

/**
 * The same guarantee for what a request carries besides events (user feedback, attachments, cron
 * check-ins, session counts, client reports): written by `storeDirect`, or, while PostgreSQL is
 * unavailable or the spool holds an outage's backlog (so a run's check-ins keep their order),
 * spooled under `recordId` and stored on replay as of their receive time. Resolves true when they
 * were spooled.
 */
export async function storeItemsDurably(target: StoreTarget, items: SpooledItems, recordId: string, storeDirect: () => Promise<void>): Promise<boolean> {
  if (!hasItems(items)) return false;
  if ((await tryDirect(storeDirect, "feedback, attachments, check-ins and session counts", 0)).done) return false;
  await appendToSpool({ id: recordId, at: new Date().toISOString(), target, events: [], ...items });
  return true;
}

/**
 * Writes directly unless the spool is in use or INGEST_ACK answers from the log; a
 * database-unavailable failure starts spooling and resolves `done: false` (the caller spools), any
 * other failure is thrown.
 */
async function tryDirect<T>(storeDirect: () => Promise<T>, what: string, waitingWrites: number): Promise<{ done: true; value: T } | { done: false }> {
  const runtime = spoolRuntime();
  if (runtime.spooling) return { done: false };
  const { INGEST_DB_TIMEOUT_MS: deadlineMs, INGEST_ACK: mode, INGEST_LOG_BACKLOG: backlog } = env();
  if (answersFromLog({ mode, logEmpty: runtime.spool.isEmpty(), waitingWrites, backlog })) return { done: false };
  try {
    // The ingest transaction closes its connection at the deadline (lib/db/bundledTransaction.ts);
    // this bound, a second later, covers every other wait on the way (a partition check, an ORM
    // call). Whatever commits after it is harmless on replay: events are idempotent on their ids,
    // counts on their record id.
    const backstopMs = deadlineMs > 0 ? deadlineMs + 1_000 : 0;
    return { done: true, value: await settleWithin(storeDirect(), backstopMs, () => databaseTimeout(`storing ${what}`, backstopMs)) };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn(`PostgreSQL unavailable: spooling ${what}`, { error });
    startSpooling();
    return { done: false };
  }
}

/** Appends a record, durably; a full or unwritable spool is 503 with Retry-After, never a 500. */
async function appendToSpool(entry: SpoolEntry): Promise<void> {
  const started = performance.now();
  try {
    await spoolRuntime().spool.append(entry);
    metrics().spoolAppendSeconds.observe((performance.now() - started) / 1000);
  } catch (error) {
    if (error instanceof SpoolFullError) {
      // Full because PostgreSQL is down, or (answering from the log) because it has not kept up.
      const why = spoolRuntime().spooling ? "the database is unavailable and the local spool is full" : "the local spool is full: the database has not stored what it holds yet";
      throw new ApiError(503, "spool_full", `${why}: retry later`, { retryAfter: SPOOL_FULL_RETRY_AFTER_S }, {
        "retry-after": String(SPOOL_FULL_RETRY_AFTER_S),
      });
    }
    logger.error("spool append failed", { error });
    throw new ApiError(503, "unavailable", "the local spool could not be written: retry later", undefined, { "retry-after": "10" });
  }
}

/**
 * What a spooled batch answers: group ids are known (derived from the fingerprint); duplicates of
 * stored events are not, but a repeated id within the batch is, as replay will store it: the first
 * copy, later copies answered as its duplicates (lib/ingest/repeatedEventIds.ts).
 */
function spooledOutcome(target: StoreTarget, events: PreparedEvent[]): StoreOutcome {
  const firstIndex = firstIndexOfEventId(events);
  return {
    results: answerBatch(events, firstIndex, {
      groupOf: (i) => groupIdFor(target.projectId, events[i].fingerprint),
      inserted: new Set(events.map((e) => e.eventId)),
      sampled: new Set(),
      storedGroupOf: new Map(),
    }),
    newGroupIds: [],
    regressedGroupIds: [],
    spooled: true,
  };
}
