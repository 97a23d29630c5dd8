import type { QuotaTicket } from "@/lib/intake/quotaLeases";
import { admitAll } from "@/lib/intake/admission";
import { countFiltered } from "@/lib/intake/countFiltered";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { applyInboundFilters } from "@/lib/ingest/filters/applyInboundFilters";
import { loadIngestSettings } from "@/lib/ingest/loadIngestSettings";

/**
 * What both doors do between a parsed body and the store: prepare the events with the project's
 * settings (sensitive fields, grouping rules, source maps), drop what its inbound filters and discarded issues match
 * (counted, answered as received), then admit the rest — with `otherItems` (feedback, check-ins
 * stored beside them) — against the rate limit and quotas (429 otherwise). Filtered events count
 * against no limit.
 */
export async function prepareAndAdmit(target: { workspaceId: string; projectId: string }, ticket: QuotaTicket, events: IngestEvent[], receivedAt: Date, otherItems = 0) {
  const settings = await loadIngestSettings(target.projectId);
  const prepared = await prepareEvents(target.projectId, events, receivedAt, settings);
  const split = applyInboundFilters(prepared, settings);
  countFiltered(target, split.filtered);
  await admitAll(target, ticket, split.kept.length + otherItems);
  return split;
}
