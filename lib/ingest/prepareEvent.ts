import { randomUUID } from "node:crypto";
import type { Severity } from "@/lib/domain/severity";
import { DEBUG_IDS_METADATA_KEY, JVM_SOURCES_METADATA_KEY, type IngestEvent } from "@/lib/ingest/eventSchema";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { classify } from "@/lib/ingest/classify";
import { scrubFrame, scrubString, scrubValue } from "@/lib/ingest/scrub";
import { stripLogPrefixes } from "@/lib/ingest/stacktrace/stripLogPrefixes";
import { replaceUnstorable } from "@/lib/text/replaceUnstorable";
import { toStoredChain, type StoredChainException } from "@/lib/grouping/chain/ChainException";
import { groupEvent, type GroupEventInput, type RawException } from "@/lib/grouping/groupEvent";
import { chainSourceContextOf, type StoredSourceContext } from "@/lib/ingest/sourceContext";

/** An event after scrubbing, classification and fingerprinting: ready to store, still pure data. */
export interface PreparedEvent {
  eventId: string;
  fingerprint: string;
  /** The previous grouping version's fingerprint: existing issues keep receiving the event (lib/grouping). */
  legacyFingerprint: string;
  /** Version 2's fingerprint of the event before its 2026-12-09 upgrade, when that differs: existing issues keep receiving the event (lib/grouping). */
  previousFingerprint?: string;
  /** The exception chain, raised first; null for a single exception sent as native text (re-parsable). */
  exceptions: StoredChainException[] | null;
  type: string;
  message: string;
  stackTrace: string | null;
  frames: Frame[];
  /**
   * The source lines around the frames of every exception of the chain (the stored chain keeps only
   * each frame's own line); absent from events spooled before it was kept (their raised frames' then).
   */
  sourceContext?: StoredSourceContext[] | null;
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
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;
/** So is one before 1970 (a zeroed clock; year 0000 is not even a PostgreSQL timestamp). */
const EARLIEST_MS = 0;

/**
 * `mapFrames`: the event's frames as written, when its release has source maps for them
 * (lib/intake/prepareEvents.ts): the fingerprint keys on those; everything stored is as received.
 */
export function prepareEvent(event: IngestEvent, receivedAt: Date = new Date(), rules?: GroupEventInput["rules"], mapFrames?: GroupEventInput["mapFrames"]): PreparedEvent {
  // Scrub first: everything below (fingerprint, classification, storage) only sees scrubbed text.
  const grouped = groupEvent({
    type: scrubString(event.type),
    message: scrubString(event.message ?? ""),
    messageTemplate: event.messageTemplate === undefined ? undefined : scrubString(event.messageTemplate),
    stackTrace: scrubStack(event.stackTrace),
    exceptions: event.exceptions?.map((e): RawException => ({ type: scrubString(e.type), message: scrubString(e.message ?? ""), stackTrace: scrubStack(e.stackTrace), relation: e.relation })),
    platform: scrubLabel(event.platform),
    custom: event.fingerprint,
    rules,
    mapFrames,
  });
  // The trace's own type when the client sent a placeholder (groupEvent).
  const type = grouped.type;
  const stackText = grouped.stackText;
  const frames = grouped.exceptions[0].frames;
  const language = grouped.language;
  const message = grouped.message;
  const isStructured = Array.isArray(event.stackTrace) || (event.exceptions?.some((e) => Array.isArray(e.stackTrace)) ?? false);
  const classified = classify({
    type,
    message,
    stackTrace: stackText ?? undefined,
    source: scrubLabel(event.source),
    severity: event.severity,
    category: scrubLabel(event.category),
    causes: grouped.exceptions.length > 1 ? grouped.exceptions.slice(1).filter((e) => e.relation !== "suppressed") : undefined,
  });
  const occurredAt = resolveOccurredAt(event.occurredAt, receivedAt);

  // Cutting text to a length can split a surrogate pair: what is stored must be valid for jsonb.
  return replaceUnstorable<PreparedEvent>({
    eventId: event.eventId ?? randomUUID().replaceAll("-", ""),
    fingerprint: grouped.fingerprint,
    legacyFingerprint: grouped.legacyFingerprint,
    ...(grouped.previousFingerprint !== undefined && { previousFingerprint: grouped.previousFingerprint }),
    exceptions: grouped.exceptions.length > 1 || isStructured ? toStoredChain(grouped.exceptions) : null,
    type,
    message,
    stackTrace: stackText,
    frames,
    sourceContext: chainSourceContextOf(grouped.exceptions.map((e) => e.frames)),
    platform: scrubLabel(event.platform) ?? language,
    severity: classified.severity,
    category: classified.category,
    source: classified.source,
    occurredAt,
    userId: scrubLabel(event.userId) ?? null,
    agentId: scrubLabel(event.agentId) ?? null,
    runId: scrubLabel(event.runId) ?? null,
    environment: scrubLabel(event.environment) ?? null,
    release: scrubLabel(event.release) ?? null,
    tags: asRecord(scrubValue(event.tags ?? {})),
    metadata: asRecord(scrubValue({ ...(event.context ?? {}), ...(event.metadata ?? {}), ...(event.debugIds && { [DEBUG_IDS_METADATA_KEY]: event.debugIds }), ...(event.jvmSourceBundles && { [JVM_SOURCES_METADATA_KEY]: event.jvmSourceBundles }) })),
    parentEventId: event.parentEventId ?? null,
    creditsLost: event.impact?.creditsLost ?? 0,
    executionsAffected: event.impact?.executionsAffected ?? 0,
    recovered: event.recovery?.recovered ?? null,
    recoveryMethod: scrubLabel(event.recovery?.method) ?? null,
    recoveryDurationMs: event.recovery?.durationMs ?? null,
    recoveryAutomatic: event.recovery?.automatic ?? null,
  });
}

/**
 * Identifiers and labels (user, agent and run ids, environment, release, platform, category,
 * source, recovery method) are stored and shown as sent, and become tag and rollup keys: a client
 * that puts a session token, a password or a card number there (`user=alice;token=…`, a release
 * named after a URL with its credentials) must not have it kept. Ordinary values pass unchanged.
 */
function scrubLabel(value: string | undefined): string | undefined {
  return value === undefined ? undefined : scrubString(value);
}

/** A trace's text without a log's line prefixes (logcat, container logs), scrubbed; frames scrubbed. */
export function scrubStack(stack: string | Frame[] | undefined): string | Frame[] | undefined {
  if (stack === undefined) return undefined;
  if (typeof stack === "string") return scrubString(stripLogPrefixes(stack));
  return stack.map((frame) => asRecord(scrubFrame(frame)) as Frame);
}

function resolveOccurredAt(value: string | undefined, receivedAt: Date): Date {
  if (!value) return receivedAt;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() < EARLIEST_MS || at.getTime() - receivedAt.getTime() > MAX_FUTURE_SKEW_MS) return receivedAt;
  return at;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
