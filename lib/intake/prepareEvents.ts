import { NATIVE_SYMBOLS_METADATA_KEY, PROGUARD_METADATA_KEY, type IngestEvent } from "@/lib/ingest/eventSchema";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { redactSensitiveFields, type SensitiveFields } from "@/lib/ingest/sensitiveFields";
import type { CompiledGroupingRules } from "@/lib/grouping/rules/compileGroupingRules";
import { timeSlicer } from "@/lib/intake/timeSlicer";
import { logger } from "@/lib/logger";
import { nativeSymbolsFor } from "@/lib/native/eventNativeSymbols";
import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { symbolicateEvent } from "@/lib/native/symbolicateEvent";
import { proguardMappingsFor } from "@/lib/proguard/eventProguardMappings";
import { retraceEvent } from "@/lib/proguard/retraceEvent";
import { frameMapperFor } from "@/lib/sourcemaps/frameMapper";
import { errorMessage } from "@/lib/text/errorMessage";

/**
 * A request's events prepared (the project's sensitive fields hidden, then scrub → parse → classify
 * → fingerprint). An event with source maps for its frames' files (by its debug IDs or its
 * release) is fingerprinted on the frames as written — original file and function — so one bug
 * stays one issue across deploys that rename every minified function, and two
 * bugs with the same message in different functions stay two (without maps minified names are no
 * names, and the message decides: docs/grouping.md). What is stored is as received either way.
 * Preparing is synchronous work (a 256 KiB trace takes tens of milliseconds): between events the
 * event loop gets a turn every few milliseconds (timeSlicer), so one large batch does not stall
 * every other request of the instance.
 */
export async function prepareEvents(
  projectId: string,
  received: IngestEvent[],
  receivedAt: Date,
  settings: { rules: CompiledGroupingRules; sensitiveFields: SensitiveFields | null },
): Promise<PreparedEvent[]> {
  const { rules, sensitiveFields } = settings;
  const breathe = timeSlicer();
  const pending: Promise<PreparedEvent>[] = [];
  for (const raw of received) {
    await breathe();
    const redacted = sensitiveFields ? redactSensitiveFields(raw, sensitiveFields) : raw;
    const retracedEvent = redacted.proguardUuids ? await retraced(projectId, redacted) : redacted;
    const event = retracedEvent.nativeImages ? await symbolicated(projectId, retracedEvent) : retracedEvent;
    const mapped = withSourceMaps(projectId, event, prepareEvent(event, receivedAt, rules), receivedAt, rules);
    // Read by Promise.all below; until then (while this loop yields) a rejection is not unhandled.
    mapped.catch(() => undefined);
    pending.push(mapped);
  }
  return Promise.all(pending);
}

async function withSourceMaps(projectId: string, event: IngestEvent, prepared: PreparedEvent, receivedAt: Date, rules: CompiledGroupingRules): Promise<PreparedEvent> {
  const mapFrames = await frameMapperFor(projectId, { release: prepared.release, debugIds: event.debugIds }, framesOf(prepared));
  if (!mapFrames) return prepared;
  try {
    return prepareEvent({ ...event, eventId: prepared.eventId }, receivedAt, rules, mapFrames);
  } catch (error) {
    // A map that cannot answer never costs the event: it keys on its minified frames.
    logger.warn("source-mapped grouping failed: the event groups as minified", { projectId, error: errorMessage(error) });
    return prepared;
  }
}

/**
 * An obfuscated Android / JVM event retraced with the ProGuard mappings uploaded under the UUIDs it
 * lists: grouped, shown and stored as written. Which UUIDs had no mapping is kept in its metadata
 * (PROGUARD_METADATA_KEY), so the event can say what to upload.
 */
async function retraced(projectId: string, event: IngestEvent): Promise<IngestEvent> {
  const uuids = event.proguardUuids!;
  const { found, missing } = await proguardMappingsFor(projectId, uuids);
  const metadata = { ...event.metadata, [PROGUARD_METADATA_KEY]: { uuids, ...(missing.length > 0 && { missing }) } };
  try {
    return { ...retraceEvent(event, found), metadata };
  } catch (error) {
    logger.warn("ProGuard retracing failed: the event is stored as received", { projectId, error: errorMessage(error) });
    return { ...event, metadata: { ...metadata, [PROGUARD_METADATA_KEY]: { uuids, missing: uuids } } };
  }
}

/**
 * A native event's frames named only by an address, symbolicated with the Breakpad symbols uploaded
 * under its images' debug IDs: grouped, shown and stored by function, file and line. Which debug IDs
 * had symbols, and which had none, is kept in its metadata (NATIVE_SYMBOLS_METADATA_KEY).
 */
async function symbolicated(projectId: string, received: IngestEvent): Promise<IngestEvent> {
  // Debug IDs as symbol files are stored under them (the native API may send Breakpad's form).
  const event = { ...received, nativeImages: received.nativeImages!.map((image) => ({ ...image, debugId: nativeDebugId(image.debugId) ?? image.debugId })) };
  const debugIds = [...new Set(event.nativeImages.map((image) => image.debugId))];
  const { found, missing } = await nativeSymbolsFor(projectId, debugIds);
  // The images of binaries without symbols are kept: symbols uploaded later name the frames when the event is viewed.
  const images = event.nativeImages.filter((image) => missing.includes(image.debugId));
  const metadata = { ...event.metadata, [NATIVE_SYMBOLS_METADATA_KEY]: { symbolicated: [...found.keys()], ...(missing.length > 0 && { missing, images }) } };
  try {
    return { ...symbolicateEvent(event, found), metadata };
  } catch (error) {
    logger.warn("native symbolication failed: the event is stored as received", { projectId, error: errorMessage(error) });
    return { ...event, metadata: { ...metadata, [NATIVE_SYMBOLS_METADATA_KEY]: { symbolicated: [], missing: debugIds, images: event.nativeImages } } };
  }
}

function framesOf(event: PreparedEvent) {
  return event.exceptions ? event.exceptions.flatMap((e) => e.frames) : event.frames;
}
