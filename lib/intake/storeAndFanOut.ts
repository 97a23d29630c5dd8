import { fanOutStoredBatch } from "@/lib/intake/afterStore";
import { afterStoreConsumers } from "@/lib/intake/afterStoreConsumers";
import { storeDurably } from "@/lib/intake/durableStore";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents, type StoreOutcome, type StoreTarget } from "@/lib/ingest/storeEvents";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";

/**
 * The store stage: commits the events (or, while PostgreSQL is unavailable, spools them durably:
 * see durableStore.ts), then hands committed ones to the after-store consumers. A batch neither
 * committed nor spooled counts as dropped in ingest health.
 */
export function storeAndFanOut(target: StoreTarget, events: PreparedEvent[]): Promise<StoreOutcome> {
  if (events.length === 0) return Promise.resolve({ results: [], newGroupIds: [], regressedGroupIds: [] });
  return storeDurably(target, events, () => storeAndFanOutDirect(target, events)).catch((error) => {
    countIngest(target, "dropped", events.length);
    throw error;
  });
}

/** Straight to PostgreSQL, then the fan-out: what the spool replayer uses too. */
export async function storeAndFanOutDirect(target: StoreTarget, events: PreparedEvent[]): Promise<StoreOutcome> {
  const outcome = await storeEvents(target, events);
  fanOutStoredBatch({ target, events, outcome }, afterStoreConsumers);
  return outcome;
}
