import { enqueueIngestBatch } from "@/lib/alerts/evaluate/ingestQueue";
import { summarizeForAlerts } from "@/lib/ingest/alertOutbox";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";

/**
 * Hands committed events to alert evaluation (through the after-store consumer alertsConsumer.ts):
 * the groups they touched with per-severity counts, new and regressed groups. Synchronous and
 * without I/O: evaluation runs from the queue, so alerting can neither slow nor fail ingest. The
 * same summary was written to the AlertOutbox in the ingest transaction (`outcome.outboxId`): it is
 * deleted once evaluated, or evaluated by the alert-outbox job if this instance dies first.
 */
export function onEventsStored(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): void {
  const batch = summarizeForAlerts(target, events, outcome.results, outcome.newGroupIds, outcome.regressedGroupIds);
  if (!batch) return;
  enqueueIngestBatch({ ...batch, outboxIds: outcome.outboxId ? [outcome.outboxId] : [] });
}
