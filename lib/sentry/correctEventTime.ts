import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { MAX_FUTURE_SKEW_MS } from "@/lib/ingest/prepareEvent";
import { asObject } from "@/lib/sentry/coerce";
import { isoOfMs, sentryTimestampToIso } from "@/lib/sentry/sentryTimestamp";

/**
 * Below this difference between the SDK's send time and our receive time, the device clock is
 * trusted: network latency and a few minutes of drift are normal. Above it the clock is wrong (a
 * phone set to another day, a zeroed RTC) and every timestamp of the event is moved by the
 * difference — the rule Sentry's own ingest applies, so events land where the user saw them.
 */
export const MIN_CLOCK_DRIFT_MS = 55 * 60_000;

/**
 * An SDK event whose timestamp is further back than this (after clock correction) is dated when it
 * was received: no SDK queues an event for a month, so such a time is a broken clock, and keeping it
 * would put the "first seen" years back and its counts outside every view. The native API
 * keeps any past time (it imports history on purpose).
 */
export const MAX_EVENT_AGE_MS = 30 * 86_400_000;

/** Why an event's time is not the one its SDK wrote; kept with the event (`metadata.sentry.timestamp_correction`). */
export interface TimestampCorrection {
  reason: "clock_drift" | "too_old" | "in_future";
  /** The event's timestamp as the SDK sent it (ISO). */
  sent: string;
  /** clock_drift: seconds added to every timestamp (negative when the device clock ran ahead). */
  driftSeconds?: number;
}

/**
 * Dates a Sentry event as Sentry's own ingest would: `sentAt` (the envelope header's `sent_at`, the
 * store endpoint's `sentry_timestamp`) against `receivedAt` gives the device clock's error; from
 * 55 minutes on, the event's timestamp and its breadcrumbs' are moved by it. A timestamp still more
 * than 30 days old — or older than `oldestKept`, the start of the oldest day the project keeps when
 * its retention is shorter (lib/ingest/retentionWindow.ts) — or more than 5 minutes ahead, becomes
 * the receive time: an SDK cannot be told to drop a queued event, and stored at its own time it
 * would be gone at the next retention run. Whatever was changed is recorded with the event, so the
 * details can say what the SDK sent. Pure.
 */
export function correctEventTime(event: IngestEvent, sentAt: unknown, receivedAt: Date, oldestKept?: Date): IngestEvent {
  if (!event.occurredAt) return event;
  const driftMs = clockDrift(sentAt, receivedAt);
  const original = Date.parse(event.occurredAt);
  const sent = new Date(original).toISOString();
  const placed = placeInstant(original, driftMs, receivedAt);
  const at = placed.at;
  const inRange = placed.inRange && (oldestKept === undefined || at >= oldestKept.getTime());
  const correction: TimestampCorrection | null = !inRange
    ? { reason: at > receivedAt.getTime() ? "in_future" : "too_old", sent }
    : driftMs !== 0
      ? { reason: "clock_drift", sent, driftSeconds: Math.round(driftMs / 1000) }
      : null;
  if (!correction) return event;
  const context = event.context ?? {};
  const sentry = asObject(context.sentry) ?? {};
  const breadcrumbs = correction.reason === "clock_drift" && Array.isArray(sentry.breadcrumbs) ? sentry.breadcrumbs.map((crumb) => shiftCrumb(crumb, driftMs)) : sentry.breadcrumbs;
  return {
    ...event,
    occurredAt: new Date(inRange ? at : receivedAt.getTime()).toISOString(),
    context: { ...context, sentry: { ...sentry, ...(breadcrumbs === undefined ? {} : { breadcrumbs }), timestamp_correction: correction } },
  };
}

/**
 * Another instant the same request carries (a release-health session's start, ISO) placed the same
 * way: moved by the device clock's error, and the receive time when it is still out of range.
 */
export function correctInstant(iso: string, sentAt: unknown, receivedAt: Date): string {
  const { at, inRange } = placeInstant(Date.parse(iso), clockDrift(sentAt, receivedAt), receivedAt);
  return new Date(inRange ? at : receivedAt.getTime()).toISOString();
}

/** The device clock's error in ms (0 below 55 minutes or without a readable send time). */
function clockDrift(sentAt: unknown, receivedAt: Date): number {
  const sentMs = Date.parse(sentryTimestampToIso(sentAt) ?? "");
  const driftMs = Number.isFinite(sentMs) ? receivedAt.getTime() - sentMs : 0;
  return Math.abs(driftMs) >= MIN_CLOCK_DRIFT_MS ? driftMs : 0;
}

function placeInstant(ms: number, driftMs: number, receivedAt: Date): { at: number; inRange: boolean } {
  const at = ms + driftMs;
  return { at, inRange: at >= receivedAt.getTime() - MAX_EVENT_AGE_MS && at <= receivedAt.getTime() + MAX_FUTURE_SKEW_MS };
}

/** A breadcrumb with its timestamp moved by the clock's error (left as sent when unreadable). */
function shiftCrumb(crumb: unknown, driftMs: number): unknown {
  const record = asObject(crumb) ?? {};
  const at = Date.parse(sentryTimestampToIso(record.timestamp) ?? "");
  if (!Number.isFinite(at)) return crumb;
  const moved = isoOfMs(at + driftMs);
  return moved ? { ...record, timestamp: moved } : crumb;
}
