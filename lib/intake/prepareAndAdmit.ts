import type { QuotaTicket } from "@/lib/intake/quotaLeases";
import { admitAll } from "@/lib/intake/admission";
import { countFiltered } from "@/lib/intake/countFiltered";
import { prepareEvents } from "@/lib/intake/prepareEvents";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { applyInboundFilters } from "@/lib/ingest/filters/applyInboundFilters";
import { loadIngestSettings } from "@/lib/ingest/loadIngestSettings";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { scrubReceivedEvent } from "@/lib/ingest/scrubReceivedEvent";
import type { UnpreparedEvents } from "@/lib/spool/spoolEntry";

/**
 * What both doors do between a parsed body and the store: prepare the events with the project's
 * settings (sensitive fields, grouping rules, source maps), drop what its inbound filters and discarded issues match
 * (counted, answered as received), then admit the rest — with `otherItems` (feedback, check-ins
 * stored beside them) — against the rate limit and quotas (429 otherwise). Filtered events count
 * against no limit.
 */
export async function prepareAndAdmit(target: { workspaceId: string; projectId: string }, ticket: QuotaTicket, events: IngestEvent[], receivedAt: Date, otherItems = 0, door: UnpreparedEvents["door"] = "native") {
  const settings = await loadIngestSettings(target.projectId);
  const prepared = await prepareEvents(target.projectId, events, receivedAt, settings);
  const split = applyInboundFilters(prepared, settings);
  countFiltered(target, split.filtered);
  await admitAll(target, ticket, split.kept.length + otherItems);
  return { ...split, unprepared: settings.known ? undefined : unpreparedOf(events, split, receivedAt, door) };
}

/**
 * The kept events as received (each with the id it was answered with, the built-in scrubbing
 * applied), when the project's settings could not be read: the store spools them so, and the replay
 * prepares them with the settings (lib/intake/prepareSpooled.ts) — nothing is stored without the
 * project's sensitive fields hidden, unfiltered, grouped without its rules or outside its retention.
 */
function unpreparedOf(events: IngestEvent[], split: { kept: PreparedEvent[]; keptPositions: number[] }, receivedAt: Date, door: UnpreparedEvents["door"]): UnpreparedEvents {
  return {
    events: split.keptPositions.map((position, i) => ({ ...scrubReceivedEvent(events[position]), eventId: split.kept[i].eventId })),
    receivedAt: receivedAt.toISOString(),
    door,
  };
}
