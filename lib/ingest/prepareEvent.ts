import { randomUUID } from "node:crypto";
import type { Severity } from "@/lib/domain/severity";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { computeFingerprint } from "@/lib/ingest/fingerprint";
import { classify } from "@/lib/ingest/classify";
import { scrubString, scrubValue } from "@/lib/ingest/scrub";
import { formatFrames } from "@/lib/ingest/formatFrames";

/** An event after scrubbing, classification and fingerprinting: ready to store, still pure data. */
export interface PreparedEvent {
  eventId: string;
  fingerprint: string;
  type: string;
  message: string;
  stackTrace: string | null;
  frames: Frame[];
  platform: Language | string;
  severity: Severity;
  category: string;
  source: string;
  occurredAt: Date;
  userId: string | null;
  agentId: string | null;
  runId: string | null;
  environment: string | null;
  release: string | null;
  tags: Record<string, unknown>;
  metadata: Record<string, unknown>;
  parentEventId: string | null;
  creditsLost: number;
  executionsAffected: number;
  recovered: boolean | null;
  recoveryMethod: string | null;
  recoveryDurationMs: number | null;
  recoveryAutomatic: boolean | null;
}

/** Clients with skewed clocks: a timestamp more than 5 minutes ahead is replaced by the receive time. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function prepareEvent(event: IngestEvent, receivedAt: Date = new Date()): PreparedEvent {
  // Scrub first: everything below (fingerprint, classification, storage) only sees scrubbed text.
  const type = scrubString(event.type);
  const message = scrubString(event.message ?? "");
  const { stackText, frames, language } = resolveStack(event.stackTrace, event.platform);
  const classified = classify({
    type,
    message,
    stackTrace: stackText ?? undefined,
    source: event.source,
    severity: event.severity,
    category: event.category,
  });
  const { fingerprint } = computeFingerprint({ type, message, frames, custom: event.fingerprint });
  const occurredAt = resolveOccurredAt(event.occurredAt, receivedAt);

  return {
    eventId: event.eventId ?? randomUUID().replaceAll("-", ""),
    fingerprint,
    type,
    message,
    stackTrace: stackText,
    frames,
    platform: event.platform ?? language,
    severity: classified.severity,
    category: classified.category,
    source: classified.source,
    occurredAt,
    userId: event.userId ?? null,
    agentId: event.agentId ?? null,
    runId: event.runId ?? null,
    environment: event.environment ?? null,
    release: event.release ?? null,
    tags: asRecord(scrubValue(event.tags ?? {})),
    metadata: asRecord(scrubValue({ ...(event.context ?? {}), ...(event.metadata ?? {}) })),
    parentEventId: event.parentEventId ?? null,
    creditsLost: event.impact?.creditsLost ?? 0,
    executionsAffected: event.impact?.executionsAffected ?? 0,
    recovered: event.recovery?.recovered ?? null,
    recoveryMethod: event.recovery?.method ?? null,
    recoveryDurationMs: event.recovery?.durationMs ?? null,
    recoveryAutomatic: event.recovery?.automatic ?? null,
  };
}

function resolveStack(
  stack: IngestEvent["stackTrace"],
  platform: string | undefined,
): { stackText: string | null; frames: Frame[]; language: Language } {
  if (stack === undefined) return { stackText: null, frames: [], language: "unknown" };
  if (typeof stack === "string") {
    const stackText = scrubString(stack);
    const parsed = parseStackTrace(stackText, platform);
    return { stackText, frames: parsed.frames, language: parsed.language };
  }
  const frames = stack.map((frame) => asRecord(scrubValue(frame)) as Frame);
  return { stackText: formatFrames(frames), frames, language: "unknown" };
}

function resolveOccurredAt(value: string | undefined, receivedAt: Date): Date {
  if (!value) return receivedAt;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() - receivedAt.getTime() > MAX_FUTURE_SKEW_MS) return receivedAt;
  return at;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
