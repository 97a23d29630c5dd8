import type { CorpusEvent } from "@/lib/grouping/corpus/corpusFormat";
import { IngestEventSchema, type IngestEvent } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

/** Runs a corpus event through the same path as ingest (Sentry mapping, validation, preparation). */
export function fingerprintCorpusEvent(event: CorpusEvent): { fingerprint: string; legacyFingerprint: string } {
  const prepared = prepareEvent(toIngestEvent(event), new Date("2026-01-01T00:00:00Z"));
  return { fingerprint: prepared.fingerprint, legacyFingerprint: prepared.legacyFingerprint };
}

function toIngestEvent(event: CorpusEvent): IngestEvent {
  if (event.format === "sentry") return IngestEventSchema.parse(mapSentryEvent(JSON.parse(event.body)).events[0]);
  if (event.format === "api") return IngestEventSchema.parse(JSON.parse(event.body));
  return IngestEventSchema.parse({ type: event.type, message: event.message, stackTrace: event.body, platform: event.platform });
}
