import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOptions } from "@/lib/ingest/storeEvents";
import { isProjectGone } from "@/lib/intake/projectGone";
import { logger } from "@/lib/logger";
import type { Spool } from "@/lib/spool/spool";
import { hasItems, type SpoolEntry, type SpooledItems } from "@/lib/spool/spoolEntry";
import { errorMessage } from "@/lib/text/errorMessage";

export type StoreFn = (target: SpoolEntry["target"], events: PreparedEvent[], options: StoreOptions) => Promise<unknown>;
/**
 * Stores a record's other items as of `receivedAt`: idempotent like events, counts added once per
 * `recordId` (the spool record's id).
 */
export type StoreItemsFn = (target: SpoolEntry["target"], items: SpooledItems, receivedAt: Date, recordId: string) => Promise<unknown>;

/**
 * A record spooled as received (`unprepared`: its project's settings could not be read) with its
 * events prepared now; throws what `isRetryable` holds while the settings still cannot be read.
 */
export type PrepareFn = (entry: SpoolEntry) => Promise<SpoolEntry>;

export interface ReplayResult {
  segments: number;
  records: number;
  events: number;
  putAside: number;
}

/** A project's records are stored together, up to this many events per call. */
const MAX_EVENTS_PER_STORE = 1000;

/**
 * Why a record is put aside. A project this database does not have was deleted — or the record is
 * another database's (a segment written before segments were stamped with their database, in a
 * folder instances on two databases shared): the words say so instead of "being deleted".
 */
export const PROJECT_NOT_FOUND = "project not found in this database (deleted, or the record was spooled by an instance on another database)";

function putAsideReason(error: unknown): string {
  return isProjectGone(error) ? PROJECT_NOT_FOUND : errorMessage(error);
}

/**
 * Stores everything in the spool (events; user feedback, attachments, check-ins and counts, as of
 * when they were received), oldest segment first, then deletes it. Within a segment each project's
 * records keep the order they were written in and are stored in chunks of up to
 * MAX_EVENTS_PER_STORE events; the chunks of different projects are stored side by side (round by
 * round: every project's first chunk, then every second one…), so a spool that interleaves many
 * projects still replays in a few large transactions (the group commit shares them) instead of one
 * per record. Storing is idempotent on (project, event id) — and on the feedback's key, the
 * attachment's event and name, the run's id, the record's id for counts — so a segment replayed
 * again after a crash or a new outage counts nothing twice. Each record's receive-time sampling
 * decision (which events to keep, the per-issue cap) goes with its events, so a replayed backlog is
 * kept as it would have been. A store failure for which `isRetryable` holds (the database went
 * away again) stops the replay: the segment stays claimed and is replayed from its start next time.
 * Any other failure means the record can never be stored (its project is gone): it is put aside in
 * dead-letter/. A record spooled as received (`unprepared`) is prepared first (`sinks.prepare`).
 * Only this database's segments are claimed (Spool.claimSegments). `seal: false` leaves the open
 * segment open: the replayer's turns after one that found the database unavailable, which would
 * otherwise seal a small segment (and sync the directory) every turn until it is back.
 */
export async function replaySpool(
  spool: Spool,
  sinks: { events: StoreFn; items: StoreItemsFn; prepare: PrepareFn },
  isRetryable: (error: unknown) => boolean,
  options: { seal?: boolean } = {},
): Promise<ReplayResult> {
  // The chunk's events first, then its records' other items in order (feedback may be about them).
  const storeChunk = async (chunk: SpoolEntry[]) => {
    const events = chunk.flatMap((e) => e.events);
    if (events.length > 0) await sinks.events(chunk[0].target, events, mergedOptions(chunk));
    for (const entry of chunk) {
      const items: SpooledItems = { feedback: entry.feedback, attachments: entry.attachments, checkIns: entry.checkIns, sessions: entry.sessions, discards: entry.discards };
      if (hasItems(items)) await sinks.items(entry.target, items, new Date(entry.at), entry.id);
    }
  };
  const result: ReplayResult = { segments: 0, records: 0, events: 0, putAside: 0 };
  // One bad record must not block the others: retry them one by one, setting aside what fails.
  const storeOneByOne = async (chunk: SpoolEntry[]) => {
    for (const entry of chunk) {
      try {
        await storeChunk([entry]);
      } catch (inner) {
        if (isRetryable(inner)) throw inner;
        spool.putAside(entry, putAsideReason(inner));
        logger.error("spooled record cannot be stored: put aside", { entryId: entry.id, projectId: entry.target.projectId, error: inner });
        result.putAside++;
      }
    }
  };
  if (options.seal ?? true) await spool.seal();
  spool.rescan();
  for (const file of await spool.claimSegments()) {
    const { entries: read, tornBytes, unreadable } = await spool.readSegment(file);
    if (tornBytes > 0 || unreadable > 0) logger.warn("spool segment has a torn tail or unreadable records", { file, tornBytes, unreadable });
    const entries: SpoolEntry[] = [];
    for (const entry of read) {
      if (!entry.unprepared) {
        entries.push(entry);
        continue;
      }
      try {
        entries.push(await sinks.prepare(entry));
      } catch (error) {
        if (isRetryable(error)) throw error;
        spool.putAside(entry, putAsideReason(error));
        logger.error("spooled record cannot be prepared: put aside", { entryId: entry.id, projectId: entry.target.projectId, error });
        result.putAside++;
        result.records++;
      }
    }
    for (const round of roundsOf(entries)) {
      const settled = await Promise.allSettled(round.map(storeChunk));
      const retry = settled.find((s): s is PromiseRejectedResult => s.status === "rejected" && isRetryable(s.reason));
      if (retry) throw retry.reason;
      for (const [i, outcome] of settled.entries()) {
        if (outcome.status === "rejected") await storeOneByOne(round[i]);
        result.records += round[i].length;
        result.events += round[i].reduce((n, e) => n + e.events.length, 0);
      }
    }
    await spool.finishSegment(file);
    result.segments++;
  }
  return result;
}

/**
 * A segment's records as rounds of chunks: each project's records in order, cut into chunks of at
 * most MAX_EVENTS_PER_STORE events; round k holds every project's k-th chunk (projects in the order
 * they first appear).
 */
export function roundsOf(entries: SpoolEntry[]): SpoolEntry[][][] {
  const byProject = new Map<string, SpoolEntry[][]>();
  const events = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.target.projectId;
    const chunks = byProject.get(key) ?? byProject.set(key, [[]]).get(key)!;
    const n = events.get(key) ?? 0;
    const last = chunks[chunks.length - 1];
    if (last.length > 0 && n + entry.events.length > MAX_EVENTS_PER_STORE) {
      chunks.push([entry]);
      events.set(key, entry.events.length);
    } else {
      last.push(entry);
      events.set(key, n + entry.events.length);
    }
  }
  const rounds: SpoolEntry[][][] = [];
  for (const chunks of byProject.values()) chunks.forEach((chunk, k) => (rounds[k] ??= []).push(chunk));
  return rounds;
}

/** The records' sampling decisions as one store's: per-event keep flags in order (true where a record had none), the first cap. */
export function mergedOptions(entries: SpoolEntry[]): StoreOptions {
  const issueCap = entries.find((e) => e.options?.issueCap)?.options?.issueCap;
  const decided = entries.some((e) => e.options?.store);
  return {
    ...(issueCap && { issueCap }),
    ...(decided && { store: entries.flatMap((e) => e.options?.store ?? e.events.map(() => true)) }),
  };
}
