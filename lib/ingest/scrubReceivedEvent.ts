import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { scrubStack } from "@/lib/ingest/prepareEvent";
import { scrubString, scrubValue } from "@/lib/ingest/scrub";

/**
 * An event as received with the built-in scrubbing applied to every field prepareEvent scrubs (texts,
 * traces, frames, labels, tags, context, metadata): what is kept of it before it is prepared — the
 * spool's copy of an event whose project's settings could not be read — holds no password, token or
 * card number either. Preparing it later gives what preparing the original gives (scrubbing is
 * idempotent). Pure.
 */
export function scrubReceivedEvent(event: IngestEvent): IngestEvent {
  const text = (value: string | undefined) => (value === undefined ? undefined : scrubString(value));
  const record = (value: Record<string, unknown> | undefined) => (value === undefined ? undefined : (scrubValue(value) as Record<string, unknown>));
  return {
    ...event,
    type: scrubString(event.type),
    message: scrubString(event.message),
    messageTemplate: text(event.messageTemplate),
    stackTrace: scrubStack(event.stackTrace),
    exceptions: event.exceptions?.map((e) => ({ ...e, type: scrubString(e.type), message: scrubString(e.message), stackTrace: scrubStack(e.stackTrace) })),
    category: text(event.category),
    source: text(event.source),
    userId: text(event.userId),
    agentId: text(event.agentId),
    runId: text(event.runId),
    environment: text(event.environment),
    release: text(event.release),
    platform: text(event.platform),
    tags: record(event.tags) as IngestEvent["tags"],
    context: record(event.context),
    metadata: record(event.metadata),
    recovery: event.recovery && { ...event.recovery, method: text(event.recovery.method) },
  };
}
