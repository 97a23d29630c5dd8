import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema, type IngestEvent } from "@/lib/ingest/eventSchema";
import { mapClientReport, type DiscardedEvents } from "@/lib/sentry/mapClientReport";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { mapSessionItem, mapSessionsItem, type SessionCounts } from "@/lib/sentry/mapSessions";
import type { Envelope } from "@/lib/sentry/parseEnvelope";

/** Item types that carry errors; everything else is release health, telemetry or ignored. */
const EVENT_ITEMS = new Set(["event", "error"]);

export interface EnvelopeContents {
  /** The id the SDK expects back: the first event's, else the envelope header's. */
  eventId: string | null;
  events: IngestEvent[];
  sessions: SessionCounts[];
  discards: DiscardedEvents[];
  /** Items accepted and dropped on purpose, by type. */
  dropped: Record<string, number>;
}

/**
 * What an envelope carries, validated: `event` items become events (chained exceptions become
 * linked events), `session`/`sessions` items execution counts (the error-rate and crash-free
 * denominators), `client_report` items discard counts. `transaction`, `span`, `attachment`,
 * `profile`, `replay_*`, `check_in` and unknown items are dropped on purpose (counted in `dropped`):
 * Faultline tracks errors, not performance or replays. A malformed item refuses the whole envelope
 * (400) before anything is written.
 */
export function unpackEnvelope(envelope: Envelope): EnvelopeContents {
  const headerEventId = typeof envelope.header.event_id === "string" ? envelope.header.event_id : undefined;
  const contents: EnvelopeContents = { eventId: null, events: [], sessions: [], discards: [], dropped: {} };

  envelope.items.forEach((item, index) => {
    if (EVENT_ITEMS.has(item.type)) {
      contents.events.push(...mapEventItem(item.payload, index, headerEventId));
    } else if (item.type === "session") {
      contents.sessions.push(...mapSessionItem(parseJson(item.payload, index)));
    } else if (item.type === "sessions") {
      contents.sessions.push(...mapSessionsItem(parseJson(item.payload, index)));
    } else if (item.type === "client_report") {
      contents.discards.push(...mapClientReport(parseJson(item.payload, index)));
    } else {
      const type = item.type.slice(0, 40);
      contents.dropped[type] = (contents.dropped[type] ?? 0) + 1;
    }
  });
  contents.eventId = contents.events[0]?.eventId ?? headerEventId ?? null;
  return contents;
}

/** The legacy store endpoint's body: one Sentry event as JSON (already parsed). */
export function unpackStoreEvent(payload: unknown): IngestEvent[] {
  return mapSentryEvent(payload).events.map((e, i) => validate(e, `event${i === 0 ? "" : `[${i}]`}`));
}

function mapEventItem(payload: Buffer, index: number, fallback?: string): IngestEvent[] {
  const { events } = mapSentryEvent(parseJson(payload, index), { eventIdFallback: fallback });
  return events.map((e) => validate(e, `items[${index}]`));
}

function validate(event: unknown, path: string): IngestEvent {
  const result = IngestEventSchema.safeParse(event);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, path);
  throw ApiError.badRequest(`invalid event in ${path}: ${issues[0]?.path} ${issues[0]?.message}`, { issues });
}

function parseJson(payload: Buffer, index: number): unknown {
  return parseJsonBytes(payload, `envelope item ${index}`);
}
