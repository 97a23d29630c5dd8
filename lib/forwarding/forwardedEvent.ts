import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

/** Bounds of a forwarded copy: enough to debug from, small enough for every target's limits. */
const MAX_STACK_CHARS = 64 * 1024;
const MAX_FRAMES = 100;

/**
 * The copy of an event that forwarding sends, stored on its delivery row (a snapshot, so a retry
 * sends exactly what the first attempt sent, whatever retention did since). Already scrubbed: it is
 * made from the prepared event, after ingest's secret and PII scrubbing.
 */
export interface ForwardedEvent {
  eventId: string;
  groupId: string;
  projectId: string;
  type: string;
  message: string;
  severity: string;
  category: string;
  source: string;
  platform: string;
  environment: string | null;
  release: string | null;
  occurredAt: string;
  userId: string | null;
  agentId: string | null;
  tags: Record<string, unknown>;
  metadata: Record<string, unknown>;
  stackTrace: string | null;
  /** Outermost call first, the frame that threw last. */
  frames: Frame[];
  parentEventId: string | null;
  recovery: { recovered: boolean; method: string | null; durationMs: number | null; automatic: boolean | null } | null;
}

export function toForwardedEvent(event: PreparedEvent, ids: { groupId: string; projectId: string }): ForwardedEvent {
  return {
    eventId: event.eventId,
    groupId: ids.groupId,
    projectId: ids.projectId,
    type: event.type,
    message: event.message,
    severity: event.severity,
    category: event.category,
    source: event.source,
    platform: String(event.platform),
    environment: event.environment,
    release: event.release,
    occurredAt: event.occurredAt.toISOString(),
    userId: event.userId,
    agentId: event.agentId,
    tags: event.tags,
    metadata: event.metadata,
    stackTrace: event.stackTrace && event.stackTrace.length > MAX_STACK_CHARS ? event.stackTrace.slice(0, MAX_STACK_CHARS) : event.stackTrace,
    frames: event.frames.slice(-MAX_FRAMES),
    parentEventId: event.parentEventId,
    recovery:
      event.recovered === null
        ? null
        : { recovered: event.recovered, method: event.recoveryMethod, durationMs: event.recoveryDurationMs, automatic: event.recoveryAutomatic },
  };
}
