import type { FilteredEvent } from "@/lib/ingest/filters/applyInboundFilters";
import { countDiscarded } from "@/lib/ingestHealth/discardCounters";
import { countFilteredReasons } from "@/lib/ingestHealth/filterCounters";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";

/** Counts a request's filtered events in the ingest health, per reason and day, and each discarded issue's dropped events by fingerprint. */
export function countFiltered(target: { workspaceId: string; projectId: string }, filtered: FilteredEvent[]): void {
  if (filtered.length === 0) return;
  countIngest(target, "filtered", filtered.length);
  countFilteredReasons(target.projectId, filtered.map((f) => f.reason));
  const discarded = filtered.filter((f) => f.reason === "discarded").map((f) => f.fingerprint);
  if (discarded.length > 0) countDiscarded(target.projectId, discarded);
}
