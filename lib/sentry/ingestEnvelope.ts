import { ApiError } from "@/lib/http/ApiError";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema, type IngestEvent } from "@/lib/ingest/eventSchema";
import { onEventsStored } from "@/lib/alerts/onEventsStored";
import { runAssignmentAfterStore } from "@/lib/assignment/runAssignmentAfterStore";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents, type StoreTarget } from "@/lib/ingest/storeEvents";
import { recordExecutions } from "@/lib/executions/recordExecutions";
import type { SentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { enforceRateLimit } from "@/lib/sentry/enforceRateLimit";
import { mapClientReport, type DiscardedEvents } from "@/lib/sentry/mapClientReport";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { mapSessionItem, mapSessionsItem, type SessionCounts } from "@/lib/sentry/mapSessions";
import type { Envelope } from "@/lib/sentry/parseEnvelope";
import { recordClientDiscards } from "@/lib/sentry/recordClientDiscards";

/** Item types that carry errors; everything else is release health, telemetry or ignored. */
const EVENT_ITEMS = new Set(["event", "error"]);

export interface EnvelopeOutcome {
  eventId: string | null;
  events: number;
  sessions: number;
  dropped: Record<string, number>;
}

/**
 * Stores what an envelope carries: `event` items become occurrences (all events of the envelope in
 * one transaction), `session`/`sessions` items become execution counts (the error-rate and
 * crash-free denominators), `client_report` items are kept as discard counts. `transaction`,
 * `span`, `attachment`, `profile`, `replay_*`, `check_in` and unknown items are accepted and
 * dropped on purpose (counted in `dropped`): Faultline tracks errors, not performance or replays.
 * A malformed item refuses the whole envelope (400) before anything is written.
 */
export async function ingestEnvelope(project: SentryProject, envelope: Envelope): Promise<EnvelopeOutcome> {
  const headerEventId = typeof envelope.header.event_id === "string" ? envelope.header.event_id : undefined;
  const events: IngestEvent[] = [];
  const sessions: SessionCounts[] = [];
  const discards: DiscardedEvents[] = [];
  const dropped: Record<string, number> = {};

  envelope.items.forEach((item, index) => {
    if (EVENT_ITEMS.has(item.type)) {
      events.push(...mapEventItem(item.payload, index, headerEventId));
    } else if (item.type === "session") {
      sessions.push(...mapSessionItem(parseJson(item.payload, index)));
    } else if (item.type === "sessions") {
      sessions.push(...mapSessionsItem(parseJson(item.payload, index)));
    } else if (item.type === "client_report") {
      discards.push(...mapClientReport(parseJson(item.payload, index)));
    } else {
      dropped[item.type.slice(0, 40)] = (dropped[item.type.slice(0, 40)] ?? 0) + 1;
    }
  });

  await enforceRateLimit(project, events.length);
  const target = { workspaceId: project.workspaceId, projectId: project.projectId };
  const receivedAt = new Date();
  if (events.length > 0) await storeAndNotify(target, events.map((e) => prepareEvent(e, receivedAt)));
  if (sessions.length > 0) {
    await recordExecutions(
      target,
      sessions.map((s) => ({ minute: new Date(s.minute), environment: s.environment, ok: s.ok, failed: s.errored, crashed: s.crashed })),
    );
  }
  if (discards.length > 0) await recordClientDiscards(project.projectId, discards);
  return { eventId: events[0]?.eventId ?? headerEventId ?? null, events: events.length, sessions: sessions.length, dropped };
}

/** The legacy store endpoint: one event as JSON. */
export async function ingestStoreEvent(project: SentryProject, payload: unknown): Promise<string> {
  const events = mapSentryEvent(payload).events.map((e, i) => validate(e, `event${i === 0 ? "" : `[${i}]`}`));
  await enforceRateLimit(project, events.length);
  await storeAndNotify({ workspaceId: project.workspaceId, projectId: project.projectId }, events.map((e) => prepareEvent(e)));
  return events[0].eventId!;
}

/** Commits the events, then hands them to metrics and alert evaluation (which never block or fail ingest). */
async function storeAndNotify(target: StoreTarget, prepared: PreparedEvent[]): Promise<void> {
  const outcome = await storeEvents(target, prepared);
  onEventsStored(target, prepared, outcome);
  runAssignmentAfterStore({ target, events: prepared, outcome });
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
  try {
    return JSON.parse(payload.toString("utf8"));
  } catch {
    throw ApiError.badRequest(`envelope item ${index} is not valid JSON`);
  }
}
