import type { InboundFilterReason, InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { hasInboundFilters, matchInboundFilter } from "@/lib/ingest/filters/matchInboundFilter";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";

export interface FilteredEvent {
  /** The event's position in what was passed. */
  position: number;
  eventId: string;
  /** The event's fingerprint; for a discarded event the one the discarded issue holds (its dropped events are counted under it). */
  fingerprint: string;
  reason: InboundFilterReason;
}

/**
 * A request's prepared events split by the project's inbound filters and discarded issues (by
 * fingerprint: the event's own, or the one it had before a grouping upgrade — the discarded issue
 * holds that one until the new one joins it): those to store (with their positions) and those
 * dropped. Pure.
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
    const discardedAs = discardedFingerprint(event, discarded);
    const reason = discardedAs ? "discarded" : matchInboundFilter(event, filters);
    if (reason) filtered.push({ position, eventId: event.eventId, fingerprint: discardedAs ?? event.fingerprint, reason });
    else {
      kept.push(event);
      keptPositions.push(position);
    }
  });
  return { kept, keptPositions, filtered };
}

function discardedFingerprint(event: PreparedEvent, discarded: ReadonlySet<string>): string | undefined {
  if (discarded.size === 0) return undefined;
  if (discarded.has(event.fingerprint)) return event.fingerprint;
  return event.previousFingerprint !== undefined && discarded.has(event.previousFingerprint) ? event.previousFingerprint : undefined;
}
