import type { IngestEvent } from "@/lib/ingest/eventSchema";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOptions } from "@/lib/ingest/storeEvents";
import type { AttachmentInput } from "@/lib/sentry/mapAttachment";
import type { CheckInInput } from "@/lib/sentry/mapCheckIn";
import type { DiscardedEvents } from "@/lib/sentry/mapClientReport";
import type { SessionCounts } from "@/lib/sentry/mapSessions";
import type { UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";

/**
 * What a request carries besides events (feedback, attachments, check-ins, release-health session
 * counts, client reports), spooled in records of their own (events empty).
 */
export interface SpooledItems {
  feedback?: UserFeedbackInput[];
  attachments?: AttachmentInput[];
  sessions?: SessionCounts[];
  discards?: DiscardedEvents[];
  checkIns?: CheckInInput[];
}

/** Whether a request carries anything besides events (any non-empty list). */
export function hasItems(items: SpooledItems): boolean {
  return Object.values(items).some((list: unknown[] | undefined) => (list?.length ?? 0) > 0);
}

/** One spooled ingest request: the events, already prepared (or its other items), and the project they belong to. */
export interface SpoolEntry extends SpooledItems {
  /** Unique id of the record (a UUID). */
  id: string;
  /** When it was spooled (ISO). */
  at: string;
  target: { workspaceId: string; projectId: string };
  events: PreparedEvent[];
  /**
   * What was decided at receive time about keeping the events (spike protection's per-event
   * decision, the project's per-issue cap), applied again on replay; absent in records of older
   * versions and when nothing was decided.
   */
  options?: StoreOptions;
  /**
   * Events spooled as received because the project's settings could not be read (`events` is then
   * empty): prepared on replay with the settings (lib/intake/prepareSpooled.ts). `options.store`
   * follows these events' order.
   */
  unprepared?: UnpreparedEvents;
}

/** A request's events as received (each with the id it was answered with, scrubbed by the built-in rules), when (ISO), and through which door. */
export interface UnpreparedEvents {
  events: IngestEvent[];
  receivedAt: string;
  /** The native API refuses events older than the project keeps; the Sentry doors date them when received. Absent: native. */
  door?: "native" | "sentry";
}

export function serialiseEntry(entry: SpoolEntry): Buffer {
  return Buffer.from(JSON.stringify(entry), "utf8");
}

/** The entry of a record payload (occurredAt back to a Date); throws on anything else. */
export function parseEntry(payload: Buffer): SpoolEntry {
  const value = JSON.parse(payload.toString("utf8")) as SpoolEntry;
  if (!value || typeof value.id !== "string" || !value.target || !Array.isArray(value.events)) throw new Error("not a spool entry");
  for (const event of value.events) event.occurredAt = new Date(event.occurredAt);
  return value;
}
