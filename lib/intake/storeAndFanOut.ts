import { fanOutStoredBatch } from "@/lib/intake/afterStore";
import { afterStoreConsumers } from "@/lib/intake/afterStoreConsumers";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents, type StoreOutcome, type StoreTarget } from "@/lib/ingest/storeEvents";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";

/** The store stage: commits the events, then hands them to the after-store consumers. */
export async function storeAndFanOut(target: StoreTarget, events: PreparedEvent[]): Promise<StoreOutcome> {
  const outcome = await storeEvents(target, events).catch((error) => {
    countIngest(target, "dropped", events.length);
    throw error;
  });
  if (events.length > 0) fanOutStoredBatch({ target, events, outcome }, afterStoreConsumers);
  return outcome;
}
