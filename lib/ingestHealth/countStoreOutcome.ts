import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";
import type { DiscardedEvents } from "@/lib/sentry/mapClientReport";

/** Accepted and duplicate events of one committed batch. */
export function countStoreOutcome(target: StoreTarget, outcome: StoreOutcome): void {
  const duplicates = outcome.results.filter((r) => r.duplicate).length;
  countIngest(target, "accepted", outcome.results.length - duplicates);
  countIngest(target, "duplicate", duplicates);
}

/** Error events the SDK says it discarded (other categories — spans, replays… — are not ours to count). */
const ERROR_CATEGORIES = new Set(["error", "default"]);

export function countClientDiscards(target: StoreTarget, discards: DiscardedEvents[]): void {
  countIngest(target, "clientDiscarded", discards.filter((d) => ERROR_CATEGORIES.has(d.category)).reduce((sum, d) => sum + d.quantity, 0));
}
