import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema, type IngestEvent } from "@/lib/ingest/eventSchema";
import { mapCheckIn, type CheckInInput } from "@/lib/sentry/mapCheckIn";
import { mapClientReport, type DiscardedEvents } from "@/lib/sentry/mapClientReport";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { mapSessionItem, mapSessionsItem, type SessionCounts } from "@/lib/sentry/mapSessions";
import { mapFeedbackEvent, mapUserReport, type UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";
import { asObject } from "@/lib/sentry/coerce";
import { mapAttachment, MAX_ATTACHMENTS_PER_ENVELOPE, type AttachmentInput } from "@/lib/sentry/mapAttachment";
import { normaliseEventId } from "@/lib/sentry/eventId";
import { minidumpEvent } from "@/lib/sentry/minidump/minidumpEvent";
import { readMinidump, type MinidumpSummary } from "@/lib/sentry/minidump/readMinidump";
import type { Envelope, EnvelopeItem } from "@/lib/sentry/parseEnvelope";

/** Item types that carry errors; everything else is release health, telemetry or ignored. */
const EVENT_ITEMS = new Set(["event", "error"]);
/**
 * The JSON items read (events, sessions, client reports, feedback, check-ins) are at most 1 MiB each,
 * Sentry's own limit for an event (SDKs trim to it): parsing is synchronous, and a 20 MiB item of
 * tiny or deeply nested values held the instance for seconds. Attachments keep their own limit.
 */
export const MAX_JSON_ITEM_BYTES = 1024 * 1024;

export interface EnvelopeContents {
  /** The id the SDK expects back: the first event's, else the envelope header's (normalised). */
  eventId: string | null;
  events: IngestEvent[];
  sessions: SessionCounts[];
  discards: DiscardedEvents[];
  /** What people wrote about errors (`user_report` and `feedback` items). */
  feedback: UserFeedbackInput[];
  /** Cron monitors' check-ins (`check_in` items). */
  checkIns: CheckInInput[];
  /** Files sent with the envelope's event (`attachment` items, a minidump included: `event.minidump`). */
  attachments: AttachmentInput[];
  /** Items accepted and dropped on purpose, by type. */
  dropped: Record<string, number>;
}

/**
 * What an envelope carries, validated: `event` items become events (chained exceptions become
 * linked events), `session`/`sessions` items execution counts (the error-rate and crash-free
 * denominators), `client_report` items discard counts, `user_report` and `feedback` items user
 * feedback (lib/sentry/mapUserFeedback.ts), `check_in` items cron monitors' runs (lib/sentry/mapCheckIn.ts). A native crash's minidump (an `attachment`
 * with `attachment_type: event.minidump`) completes the first event item, or is the event when none
 * came (lib/sentry/minidump) — a dump cut short or unreadable too, so an answered crash is always
 * stored — and is kept as the event's attachment like the other files. `transaction`, `span`, other attachments, `profile`, `replay_*`
 * and unknown items are dropped on purpose (counted in `dropped`):
 * Faultline tracks errors, not performance or replays. A malformed item, or a header `event_id`
 * that is not an event id, refuses the whole envelope (400) before anything is written.
 */
export function unpackEnvelope(envelope: Envelope): EnvelopeContents {
  const headerEventId = headerEventIdOf(envelope.header.event_id);
  const contents: EnvelopeContents = { eventId: null, events: [], sessions: [], discards: [], feedback: [], checkIns: [], attachments: [], dropped: {} };
  const attachmentItems: EnvelopeItem[] = [];
  const drop = (type: string) => (contents.dropped[type] = (contents.dropped[type] ?? 0) + 1);
  const minidump = firstMinidump(envelope);
  let eventItems = 0;

  let transactionId: string | undefined;

  envelope.items.forEach((item, index) => {
    if (EVENT_ITEMS.has(item.type)) {
      const payload = withEnvelopeSdk(parseJson(item.payload, index), envelope.header.sdk);
      const type = asObject(payload)?.type;
      // A transaction sent as an event item (old SDKs, forwarding clients) is a transaction: dropped like one.
      if (type === "transaction") {
        drop("transaction");
        transactionId ??= normaliseEventId(asObject(payload)?.event_id);
        return;
      }
      // Feedback sent as an event item (`"type": "feedback"` in the event) is feedback, not an error.
      if (type === "feedback") {
        contents.feedback.push(mapFeedbackEvent(payload, `envelope item ${index}`, headerEventId));
        return;
      }
      // A native crash: the SDK's event, completed with what the minidump attached to it says.
      const completed = minidump && eventItems++ === 0 ? minidumpEvent(asObject(payload), minidump.summary, headerEventId) : payload;
      contents.events.push(...mapEventItem(completed, index, headerEventId));
    } else if (item.type === "session") {
      contents.sessions.push(...mapSessionItem(parseJson(item.payload, index)));
    } else if (item.type === "sessions") {
      contents.sessions.push(...mapSessionsItem(parseJson(item.payload, index)));
    } else if (item.type === "client_report") {
      contents.discards.push(...mapClientReport(parseJson(item.payload, index)));
    } else if (item.type === "user_report") {
      contents.feedback.push(mapUserReport(parseJson(item.payload, index), `envelope item ${index}`));
    } else if (item.type === "feedback") {
      contents.feedback.push(mapFeedbackEvent(parseJson(item.payload, index), `envelope item ${index}`, headerEventId));
    } else if (item.type === "check_in") {
      contents.checkIns.push(mapCheckIn(parseJson(item.payload, index), `envelope item ${index}`));
    } else if (item.type === "attachment") {
      attachmentItems.push(item);
    } else {
      drop(item.type.slice(0, 40));
    }
  });
  // Crashpad-style envelopes may carry the minidump without an event item: the dump is the event,
  // even cut short or unreadable (the SDK is answered 200 and deletes its copy).
  if (minidump && eventItems === 0) contents.events.push(...mapEventItem(minidumpEvent(undefined, minidump.summary, headerEventId), 0, headerEventId));
  contents.eventId = contents.events[0]?.eventId ?? headerEventId ?? transactionId ?? null;
  // Attachments belong to the envelope's event (or feedback): without one, or past the bounds, they are dropped.
  const attachmentsOf = headerEventId ?? normaliseEventId(contents.events[0]?.eventId) ?? contents.feedback.find((f) => f.source === "feedback")?.key;
  for (const item of attachmentItems) {
    const attachment = attachmentsOf && contents.attachments.length < MAX_ATTACHMENTS_PER_ENVELOPE ? mapAttachment(item.header, item.payload, attachmentsOf) : null;
    if (attachment) contents.attachments.push(attachment);
    else drop("attachment");
  }
  return contents;
}

/**
 * The envelope header's `event_id`, normalised (lib/sentry/eventId.ts: 32 lower-case hex digits);
 * undefined when the header has none. Anything else refuses the envelope (400 naming `event_id`),
 * as Sentry's relay does: the id is what the SDK is answered and what the envelope's attachments
 * and feedback belong to, so a wrong one was echoed back and its files dropped unseen. (An event
 * item's own invalid `event_id` is replaced — by this id, else a fresh one — as relay does too.)
 */
function headerEventIdOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const id = normaliseEventId(value);
  if (!id) throw ApiError.badRequest("envelope header: event_id must be an event id (32 hex digits or a UUID)", { field: "event_id" });
  return id;
}

/**
 * The attachment SDKs send a native crash's minidump as (`attachment_type: event.minidump`), read:
 * its summary (partial for a dump cut short), null for one that is not readable; undefined without one.
 */
function firstMinidump(envelope: Envelope): { summary: MinidumpSummary | null } | undefined {
  for (const item of envelope.items) if (isMinidumpItem(item)) return { summary: readMinidump(item.payload) };
  return undefined;
}

/**
 * An event item without an `sdk` of its own gets the envelope header's (some SDKs name themselves
 * only there): what the event is mapped by (platform, exception order) and shows as its SDK.
 */
function withEnvelopeSdk(payload: unknown, sdk: unknown): unknown {
  const event = asObject(payload);
  return event && !asObject(event.sdk) && asObject(sdk) ? { ...event, sdk } : payload;
}

function isMinidumpItem(item: EnvelopeItem): boolean {
  return item.type === "attachment" && item.header.attachment_type === "event.minidump";
}

/** One Sentry event as JSON (already parsed): the SDK's event of a minidump upload, a CSP report's, an Unreal crash's. */
export function unpackStoreEvent(payload: unknown): IngestEvent[] {
  if (!asObject(payload)) throw ApiError.badRequest("the event must be a JSON object", { field: "body" });
  return mapSentryEvent(payload).events.map((e, i) => validate(e, `event${i === 0 ? "" : `[${i}]`}`));
}

export interface StoreBodyContents {
  /** The id the SDK is answered: the event's (or the dropped transaction's, else a fresh one). */
  eventId: string;
  events: IngestEvent[];
  feedback: UserFeedbackInput[];
}

/**
 * The legacy store endpoint's body (already parsed): one Sentry event, or what else an SDK posts
 * there with its `type` — a transaction (`"type": "transaction"`, tracing SDKs from before
 * envelopes: sentry-python 0.x, JS 5.x) is dropped on purpose like an envelope's transaction item
 * and answered with its id, and feedback (`"type": "feedback"`) is user feedback, as in an envelope.
 */
export function unpackStoreBody(payload: unknown): StoreBodyContents {
  const event = asObject(payload);
  if (event?.type === "transaction") return { eventId: normaliseEventId(event.event_id) ?? randomUUID().replaceAll("-", ""), events: [], feedback: [] };
  if (event?.type === "feedback") {
    const feedback = mapFeedbackEvent(event, "body");
    return { eventId: feedback.key, events: [], feedback: [feedback] };
  }
  const events = unpackStoreEvent(payload);
  return { eventId: events[0].eventId!, events, feedback: [] };
}

function mapEventItem(payload: unknown, index: number, fallback?: string): IngestEvent[] {
  if (!asObject(payload)) throw ApiError.badRequest(`item ${index}: an event payload must be a JSON object`, { field: `items[${index}]` });
  const { events } = mapSentryEvent(payload, { eventIdFallback: fallback });
  return events.map((e) => validate(e, `items[${index}]`));
}

function validate(event: unknown, path: string): IngestEvent {
  const result = IngestEventSchema.safeParse(event);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, path);
  throw ApiError.badRequest(`invalid event in ${path}: ${issues[0]?.path} ${issues[0]?.message}`, { issues });
}

function parseJson(payload: Buffer, index: number): unknown {
  if (payload.length > MAX_JSON_ITEM_BYTES) {
    throw ApiError.tooLarge(`envelope item ${index}: a JSON item (event, session, report, feedback, check-in) may be at most 1 MiB, as Sentry accepts`, { field: `envelope item ${index}`, item: index, limit: MAX_JSON_ITEM_BYTES });
  }
  return parseJsonBytes(payload, `envelope item ${index}`);
}
