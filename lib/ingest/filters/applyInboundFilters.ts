import type { InboundFilterReason, InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { hasInboundFilters, matchInboundFilter } from "@/lib/ingest/filters/matchInboundFilter";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";

export interface FilteredEvent {
  /** The event's position in what was passed. */
  position: number;
  eventId: string;
  fingerprint: string;
  reason: InboundFilterReason;
}

/**
 * A request's prepared events split by the project's inbound filters and discarded issues (by
 * fingerprint): those to store (with their positions) and those dropped. Pure.
 */
export function applyInboundFilters(
  events: PreparedEvent[],
  settings: { filters: InboundFilters; discarded: ReadonlySet<string> },
): { kept: PreparedEvent[]; keptPositions: number[]; filtered: FilteredEvent[] } {
  const { filters, discarded } = settings;
  if (!hasInboundFilters(filters) && discarded.size === 0) return { kept: events, keptPositions: events.map((_, i) => i), filtered: [] };
  const kept: PreparedEvent[] = [];
  const keptPositions: number[] = [];
  const filtered: FilteredEvent[] = [];
  events.forEach((event, position) => {
    const reason = discarded.has(event.fingerprint) ? "discarded" : matchInboundFilter(event, filters);
    if (reason) filtered.push({ position, eventId: event.eventId, fingerprint: event.fingerprint, reason });
    else {
      kept.push(event);
      keptPositions.push(position);
    }
  });
  return { kept, keptPositions, filtered };
}
