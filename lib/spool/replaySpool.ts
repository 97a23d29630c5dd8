import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOptions } from "@/lib/ingest/storeEvents";
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

export interface ReplayResult {
  segments: number;
  records: number;
  events: number;
  putAside: number;
}

/** Consecutive records of one project are stored together, up to this many events per call. */
const MAX_EVENTS_PER_STORE = 1000;

/**
 * Stores everything in the spool (events; user feedback, attachments, check-ins and counts, as of
 * when they were received), oldest first, then deletes it. Records are replayed in the order they were written
 * (consecutive ones of the same project in one store call). Storing is idempotent on (project, event
 * id) — and on the feedback's key, the attachment's event and name, the run's id, the record's id
 * for counts — so a segment replayed again after a crash or a new outage counts nothing twice. Each record's receive-time sampling decision (which events to keep, the per-issue cap)
 * goes with its events, so a replayed backlog is kept as it would have been. A store failure for
 * which `isRetryable` holds (the database went away again) stops the replay: the segment stays
 * claimed and is replayed from its start next time. Any other failure means the record can never
 * be stored (its project is gone): it is put aside in dead-letter/.
 */
export async function replaySpool(spool: Spool, sinks: { events: StoreFn; items: StoreItemsFn }, isRetryable: (error: unknown) => boolean): Promise<ReplayResult> {
  // The chunk's events first, then its records' other items in order (feedback may be about them).
  const storeChunk = async (chunk: SpoolEntry[]) => {
    const events = chunk.flatMap((e) => e.events);
    if (events.length > 0) await sinks.events(chunk[0].target, events, mergedOptions(chunk));
    for (const entry of chunk) {
      const items: SpooledItems = { feedback: entry.feedback, attachments: entry.attachments, checkIns: entry.checkIns, sessions: entry.sessions, discards: entry.discards };
      if (hasItems(items)) await sinks.items(entry.target, items, new Date(entry.at), entry.id);
    }
  };
  await spool.seal();
  spool.rescan();
  const result: ReplayResult = { segments: 0, records: 0, events: 0, putAside: 0 };
  for (const file of spool.claimSegments()) {
    const { entries, tornBytes, unreadable } = spool.readSegment(file);
    if (tornBytes > 0 || unreadable > 0) logger.warn("spool segment has a torn tail or unreadable records", { file, tornBytes, unreadable });
    for (const chunk of chunksOf(entries)) {
      try {
        await storeChunk(chunk);
      } catch (error) {
        if (isRetryable(error)) throw error;
        // One bad record must not block the others: retry them one by one, setting aside what fails.
        for (const entry of chunk) {
          try {
            await storeChunk([entry]);
          } catch (inner) {
            if (isRetryable(inner)) throw inner;
            spool.putAside(entry, errorMessage(inner));
            logger.error("spooled record cannot be stored: put aside", { entryId: entry.id, projectId: entry.target.projectId, error: inner });
            result.putAside++;
          }
        }
      }
      result.records += chunk.length;
      result.events += chunk.reduce((n, e) => n + e.events.length, 0);
    }
    spool.finishSegment(file);
    result.segments++;
  }
  return result;
}

function chunksOf(entries: SpoolEntry[]): SpoolEntry[][] {
  const chunks: SpoolEntry[][] = [];
  let current: SpoolEntry[] = [];
  let events = 0;
  for (const entry of entries) {
    const sameTarget = current.length > 0 && current[0].target.projectId === entry.target.projectId;
    if (current.length > 0 && (!sameTarget || events + entry.events.length > MAX_EVENTS_PER_STORE)) {
      chunks.push(current);
      current = [];
      events = 0;
    }
    current.push(entry);
    events += entry.events.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
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
