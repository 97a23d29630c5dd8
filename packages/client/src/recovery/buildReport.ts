import type { Client } from "../core/client.js";
import type { CaptureContext, FaultlineEvent, RecoveryOutcome } from "../core/types.js";
import { headOf, type Adopted, type Report } from "./pendingReports.js";

/** One failure a helper saw: what was thrown, when, and any report an inner helper left on it. */
export interface Failure {
  error: unknown;
  at: number;
  adopted?: Adopted;
  /** An event a new head links to (a circuit breaker's previous open period). */
  parentEventId?: string;
}

export interface HelperCapture {
  /** Names the operation: tag `operation` on every event. */
  name?: string;
  /** Added to every event the helper reports. */
  capture?: CaptureContext;
}

/**
 * The report for a failure: an inner helper's report taken over (its outcome moves to
 * metadata.recoveryChain: only the outermost outcome counts); the event the error was already
 * reported as (captured by your code, or by a helper whose report went out), which is not sent
 * again; else a new event.
 */
export function reportFor(client: Client, failure: Failure, options: HelperCapture, extra: Record<string, unknown> = {}): Report {
  if (failure.adopted?.kind === "report") {
    const report = failure.adopted.report;
    const head = headOf(report);
    if (head) {
      demoteOutcome(head);
      head.tags = { ...head.tags, ...tagsOf(options) };
      head.metadata = { ...head.metadata, ...extra };
    }
    return report;
  }
  const reported = client.capturedEventId(failure.error) ?? (failure.adopted?.kind === "sent" ? failure.adopted.headEventId : undefined);
  if (reported) return { headEventId: reported, events: [], firstFailureAt: failure.at };
  const head = client.buildEvent(failure.error, captureOf(options, { parentEventId: failure.parentEventId, metadata: extra }), new Date(failure.at));
  client.markCaptured(failure.error, head.eventId);
  return { headEventId: head.eventId, events: [head], firstFailureAt: failure.at };
}

/**
 * Events for a later failure of the same operation, linked to the report's head (parentEventId);
 * none for an error already reported (the same Error thrown by each attempt is reported once).
 */
export function linkedEvents(client: Client, failure: Failure, parentEventId: string, options: HelperCapture, extra: Record<string, unknown> = {}): FaultlineEvent[] {
  if (failure.adopted?.kind === "suppressed") return [];
  if (failure.adopted?.kind === "report") {
    const events = failure.adopted.report.events;
    const head = headOf(failure.adopted.report);
    if (head) {
      demoteOutcome(head);
      head.parentEventId = parentEventId;
      head.metadata = { ...head.metadata, ...extra };
    }
    return events;
  }
  if (client.capturedEventId(failure.error) || failure.adopted?.kind === "sent") return [];
  const event = client.buildEvent(failure.error, captureOf(options, { parentEventId, metadata: extra }), new Date(failure.at));
  client.markCaptured(failure.error, event.eventId);
  return [event];
}

/**
 * Sets the head's outcome, its duration counted from the first failure. A head reported before
 * (by your code's captureException) cannot take one: it was sent without it.
 */
export function setOutcome(report: Report, outcome: Omit<RecoveryOutcome, "durationMs">, endedAt: number): void {
  const head = headOf(report);
  if (head) head.recovery = { ...outcome, durationMs: Math.max(0, endedAt - report.firstFailureAt) };
}

function demoteOutcome(event: FaultlineEvent): void {
  if (!event.recovery) return;
  const chain = Array.isArray(event.metadata?.recoveryChain) ? (event.metadata.recoveryChain as unknown[]) : [];
  event.metadata = { ...event.metadata, recoveryChain: [...chain, event.recovery] };
  delete event.recovery;
}

function tagsOf(options: HelperCapture) {
  return { ...options.capture?.tags, ...(options.name && { operation: options.name }) };
}

function captureOf(options: HelperCapture, add: { parentEventId?: string; metadata: Record<string, unknown> }): CaptureContext {
  return {
    ...options.capture,
    tags: tagsOf(options),
    metadata: { ...options.capture?.metadata, ...add.metadata },
    ...(add.parentEventId && { parentEventId: add.parentEventId }),
  };
}
