import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { MAX_CHAIN_LENGTH, MAX_EXCEPTION_MESSAGE_CHARS, MAX_EXCEPTION_TYPE_CHARS } from "@/lib/grouping/chain/ChainException";
import { formatLogEntry } from "@/lib/sentry/formatLogEntry";
import { ApiError } from "@/lib/http/ApiError";
import type { Severity } from "@/lib/domain/severity";
import type { IngestEventInput } from "@/lib/ingest/eventSchema";
import { asArray, asObject, asText, clipRaw, clipText, type JsonObject } from "@/lib/sentry/coerce";
import { levelToSeverity } from "@/lib/sentry/mapLevel";
import { normaliseEventId } from "@/lib/sentry/eventId";
import { debugImagesOf, jvmSourceBundlesOf, nativeImagesOf, proguardUuidsOf, sourceMapDebugIdsOf } from "@/lib/sentry/debugImages";
import { mapStacktrace } from "@/lib/sentry/mapFrames";
import { eventThread, mapThreads } from "@/lib/sentry/mapThreads";
import { withCurrentInterfaceNames } from "@/lib/sentry/legacyInterfaces";
import { sentryTimestampToIso } from "@/lib/sentry/sentryTimestamp";
import { chainOf, mechanismOf } from "@/lib/sentry/exceptionChain";
import { inProtocolOrder } from "@/lib/sentry/chainOrder";
import { exceptionNamedBy } from "@/lib/sentry/syntheticException";
import { resolveFingerprintVariables, type FingerprintFacts } from "@/lib/sentry/fingerprintVariables";
import { LOGGED_MESSAGE_TYPE } from "@/lib/domain/issueTitle";
import { boundedJson } from "@/lib/text/boundedJson";

/** Exceptions of a chain kept (causes, exception-group members); the SDKs send at most 5 by default. */
export const MAX_CHAINED_EXCEPTIONS = MAX_CHAIN_LENGTH;
export const MAX_TAGS = 100;
export const MAX_TAG_KEY = 200;
export const MAX_TAG_VALUE = 1000;
export const MAX_BREADCRUMBS = 100;

// Limits of IngestEventSchema (lib/ingest/eventSchema.ts); an exception's type and message: ChainException's.
const MAX_ID_FIELD = 256;
const MAX_ENVIRONMENT = 64;
const MAX_RELEASE = 256;
const MAX_PLATFORM = 64;
const MAX_FINGERPRINT_PARTS = 20;
const MAX_FINGERPRINT_PART = 512;


export interface MapSentryEventOptions {
  /** Used when the event has no valid event_id, typically the envelope header's event_id. */
  eventIdFallback?: string;
}

export interface MappedSentryEvent {
  /** The event (one per Sentry event: a chain of exceptions is one event, see `exceptions`). */
  events: IngestEventInput[];
}

/**
 * Maps the payload of a Sentry `event` envelope item (an event as the SDKs send it) to our ingest
 * shape. Every returned object is valid under IngestEventSchema: strings are cut to the schema's
 * limits and values of the wrong type are dropped. Scrubbing happens later, in ingest.
 *
 * - Exceptions: `exception.values` lists the chain oldest cause first; the LAST value is the
 *   exception that was actually raised (mechanism.exception_id 0), so it becomes the event's type,
 *   message and stack. The whole chain becomes the event's `exceptions` (raised first, each cause
 *   after the exception it caused): one event, one issue, grouped over the chain. SDKs that list
 *   the chain raised first (sentry-dart, sentry-react-native) are read the other way round
 *   (chainOrder.ts).
 * - Messages: `logentry` or `message` (a string or `{ formatted, message, params }`) give the
 *   message, and the type is "Message". A synthetic exception that names no type or repeats the
 *   message (the stack the SDK attaches to captureMessage) only contributes its frames.
 * - level → severity: see mapLevel.ts; without a usable level "high" (the protocol's default level
 *   is "error").
 * - Everything else worth keeping (contexts, request, breadcrumbs, sdk, extra, ...) goes to
 *   `context.sentry`.
 */
export function mapSentryEvent(event: unknown, opts: MapSentryEventOptions = {}): MappedSentryEvent {
  const payload = asObject(event);
  if (!payload) throw ApiError.badRequest("event payload must be a JSON object");
  const ev = withCurrentInterfaceNames(payload);

  const eventId = normaliseEventId(ev.event_id) ?? normaliseEventId(opts.eventIdFallback) ?? randomUUID().replaceAll("-", "");
  const sdkName = asText(asObject(ev.sdk)?.name) ?? "";
  const values = inProtocolOrder(exceptionValues(ev.exception), ev.sdk);
  // A synthetic exception raised after real ones is the log call that reported them (sentry-rust's
  // tracing layer with attach_stacktrace: the error chain, then "tracing::error!" with the log
  // message and the logging code's stack): the chain is the error, the log line its message.
  const loggedBy = values.length > 1 && mechanismOf(values.at(-1))?.synthetic === true ? values.at(-1) : undefined;
  const exceptions = loggedBy ? values.slice(0, -1) : values;
  const main = exceptions.at(-1);
  const mainMechanism = mechanismOf(main);
  const loggedText = asText(loggedBy?.value);
  const logged = eventMessage(ev) ?? (loggedText ? { text: loggedText } : undefined);
  const messageText = logged?.text;

  const tags = mapTags(ev.tags);
  const agentId = clipText(tags?.agent_id ?? tags?.agentId, MAX_ID_FIELD);
  // No level is the protocol's default, "error" (sentry-rust leaves it out of error-level events).
  const severity: Severity = levelToSeverity(ev.level) ?? "high";
  const shared = compact({
    severity,
    source: agentId ? "agent" : undefined,
    occurredAt: sentryTimestampToIso(ev.timestamp),
    userId: userIdOf(ev.user),
    agentId,
    // Not contexts.trace.trace_id: outside a request @sentry/node gives every event of a process the
    // same trace id, which would chain unrelated errors into one "run".
    runId: clipText(tags?.run_id ?? tags?.runId, MAX_ID_FIELD),
    environment: clipText(ev.environment, MAX_ENVIRONMENT),
    release: clipText(ev.release, MAX_RELEASE),
    platform: clipText(platformOf(ev, sdkName, main), MAX_PLATFORM),
    debugIds: sourceMapDebugIdsOf(ev.debug_meta),
    proguardUuids: proguardUuidsOf(ev.debug_meta),
    jvmSourceBundles: jvmSourceBundlesOf(ev.debug_meta),
    tags,
  });

  const exceptionType = clipText(main?.type, MAX_EXCEPTION_TYPE_CHARS);
  // sentry-elixir 9.x–10.0 sent a message's stack as an exception of type "message" beside the message.
  const elixirMessageStack = exceptionType === "message" && messageText !== undefined && asText(main?.value) === messageText;
  // `synthetic` marks an exception the SDK made up: a message's stack, or a native signal (SIGSEGV
  // "Segfault" from sentry-native or an Android tombstone, beside a "Fatal signal …" log line), which
  // stays an error. It is a message's stack when it names no type or only repeats the message.
  const syntheticMessageStack = mainMechanism?.synthetic === true && (exceptionType === undefined || asText(main?.value) === messageText);
  const isMessage = !main || syntheticMessageStack || (exceptionType === undefined && messageText !== undefined) || elixirMessageStack;
  // A synthetic stand-in whose value names the real exception ("NullReferenceException: …") is that exception.
  const named = !isMessage && mainMechanism?.synthetic === true ? exceptionNamedBy(asText(main?.value)) : undefined;
  const type = isMessage ? LOGGED_MESSAGE_TYPE : (named?.type ?? exceptionType ?? "Error");
  const message = isMessage ? (messageText ?? asText(main?.value) ?? "") : (named?.message ?? asText(main?.value) ?? "");
  const images = debugImagesOf(ev.debug_meta);
  const ownFrames = mapStacktrace(main?.stacktrace, images) ?? mapStacktrace(loggedBy?.stacktrace, images) ?? mapStacktrace(ev.stacktrace, images);
  // Without a stack of its own, the exception's is its thread's (Cocoa, Android ANRs, native crashes): grouping keys on that one.
  const stackThread = ownFrames ? undefined : eventThread(ev.threads, main?.thread_id ?? loggedBy?.thread_id);
  const frames = ownFrames ?? (stackThread ? mapStacktrace(stackThread.stacktrace, images) : undefined);

  const sentryContext = compact({
    contexts: asObject(ev.contexts),
    request: mapRequest(ev.request),
    breadcrumbs: breadcrumbsOf(ev.breadcrumbs),
    sdk: asObject(ev.sdk),
    extra: asObject(ev.extra),
    server_name: asText(ev.server_name),
    transaction: asText(ev.transaction),
    logger: asText(ev.logger),
    user: withValidIp(asObject(ev.user)),
    modules: asObject(ev.modules),
    level: asText(ev.level),
    dist: asText(ev.dist),
    mechanism: mainMechanism,
    // An exception event that also logged a message (e.g. logger.exception("...")) keeps the message here.
    message: !isMessage && messageText !== undefined ? clipRaw(messageText, MAX_EXCEPTION_MESSAGE_CHARS) : undefined,
    // Last: the biggest part, read within ingest's node budget after everything above.
    threads: mapThreads(ev.threads, images, frames ? stackThread : undefined),
  });

  const mainEvent: IngestEventInput = compact({
    eventId,
    type,
    module: isMessage || named ? undefined : clipText(main?.module, MAX_EXCEPTION_TYPE_CHARS),
    message: clip(message, MAX_EXCEPTION_MESSAGE_CHARS),
    messageTemplate: isMessage ? logged?.template : undefined,
    stackTrace: frames,
    ...shared,
    fingerprint:
      fingerprintOf(ev.fingerprint, {
        transaction: asText(ev.transaction),
        exceptionType: isMessage ? undefined : type,
        exceptionValue: isMessage ? undefined : message,
        message: messageText ?? message,
        level: asText(ev.level),
        logger: asText(ev.logger),
        tags,
        frames,
      }) ?? nsErrorFingerprint(mainMechanism),
    context: Object.keys(sentryContext).length > 0 ? { sentry: sentryContext } : undefined,
  });

  if (!isMessage && exceptions.length > 1) mainEvent.exceptions = chainOf(exceptions, type, message, frames, images);
  // Only events that list their binaries (native SDKs) can name any: the rest skip gathering their frames.
  const nativeImages = ev.debug_meta === undefined ? undefined : nativeImagesOf(ev.debug_meta, [...(frames ?? []), ...(mainEvent.exceptions ?? []).flatMap((e) => (Array.isArray(e.stackTrace) ? e.stackTrace : []))]);
  if (nativeImages) mainEvent.nativeImages = nativeImages;
  return { events: [mainEvent] };
}

/**
 * `exception: { values: [...] }`, the bare list older SDKs sent, or the one exception object of the
 * protocol before version 7 (`{ type, value, module }`); non-objects are dropped.
 */
function exceptionValues(exception: unknown): JsonObject[] {
  const single = asObject(exception);
  const isSingle = single !== undefined && single.values === undefined && (single.type !== undefined || single.value !== undefined);
  const values = asArray(exception) ?? (isSingle ? [single] : asArray(single?.values)) ?? [];
  return values.map(asObject).filter((v): v is JsonObject => v !== undefined);
}

/**
 * The event's platform; when it says "other" (or nothing), what its frames or its SDK say: sentry-dart
 * sends "other" for Dart VM and Flutter events, its frames "dart". sentry-rust's "native" is Rust.
 */
function platformOf(ev: JsonObject, sdkName: string, main: JsonObject | undefined): unknown {
  const said = asText(ev.platform);
  // sentry-rust sends "native"; its frames are Rust's (paths, closures, crates): read them as such.
  if (said === "native" && sdkName.startsWith("sentry.rust")) return "rust";
  if (said !== undefined && said !== "" && said !== "other") return ev.platform;
  if (sdkName.startsWith("sentry.dart")) return "dart";
  const frames = asArray(asObject(main?.stacktrace)?.frames) ?? asArray(asObject(ev.stacktrace)?.frames) ?? [];
  const framePlatform = frames.map((f) => asText(asObject(f)?.platform)).find((p) => p !== undefined && p !== "other");
  return framePlatform ?? ev.platform;
}

/**
 * logentry wins over message; each may be a string or `{ formatted, message, params }`. The text is
 * `formatted`, else `message` with `params` filled in (sentry-python sends no `formatted`); the
 * template is `message` when parameters were filled into it — a log message's issue is keyed on it,
 * so "lookup failed for acct-9" and "… for acct-12" are one issue, as Sentry groups them.
 */
function eventMessage(ev: JsonObject): { text: string; template?: string } | undefined {
  for (const candidate of [ev.logentry, ev.message]) {
    if (typeof candidate === "string") {
      if (candidate !== "") return { text: candidate };
      continue;
    }
    const entry = asObject(candidate);
    const template = asText(entry?.message);
    const text = asText(entry?.formatted) || (template && formatLogEntry(template, entry?.params));
    if (text) return { text, ...(template && template !== text && { template: clip(template, MAX_EXCEPTION_MESSAGE_CHARS) }) };
  }
  return undefined;
}

function userIdOf(user: unknown): string | undefined {
  const u = asObject(user);
  if (!u) return undefined;
  const ip = clipText(u.ip_address, MAX_ID_FIELD);
  return clipText(u.id, MAX_ID_FIELD) ?? clipText(u.email, MAX_ID_FIELD) ?? clipText(u.username, MAX_ID_FIELD) ?? (ip && isIP(ip) ? ip : undefined);
}

/**
 * The user as sent, its `ip_address` kept only when it is an IPv4 or IPv6 address (node:net isIP),
 * as Sentry's relay does: "{{auto}}" asks the server to fill in the client's address, which Faultline
 * does not store (an address is personal data, and behind a proxy it is the proxy's), and
 * "not-an-ip" or "999.1.1.1" would be shown as if they were addresses — both are dropped.
 */
function withValidIp(user: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const ip = user?.ip_address;
  if (!user || ip === undefined || ip === null || (typeof ip === "string" && isIP(ip) !== 0)) return user;
  const { ip_address: _dropped, ...rest } = user;
  void _dropped;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/**
 * Tags as `{ key: value }` or as `[[key, value], ...]` pairs. Values become strings (objects as
 * JSON) of at most MAX_TAG_VALUE characters; null values and empty keys are dropped; the first
 * MAX_TAGS tags are kept.
 */
function mapTags(raw: unknown): Record<string, string> | undefined {
  const pairs: [unknown, unknown][] = [];
  const list = asArray(raw);
  if (list) {
    for (const pair of list) {
      const kv = asArray(pair);
      if (kv && kv.length >= 2) pairs.push([kv[0], kv[1]]);
    }
  } else {
    const obj = asObject(raw);
    if (obj) pairs.push(...Object.entries(obj));
  }
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const [k, v] of pairs) {
    if (entries.length >= MAX_TAGS) break;
    const key = clipText(k, MAX_TAG_KEY);
    if (key === undefined || v === null || v === undefined || seen.has(key)) continue;
    const text = asText(v) ?? boundedJson(v, MAX_TAG_VALUE);
    if (text === undefined) continue;
    seen.add(key);
    entries.push([key, clip(text, MAX_TAG_VALUE)]);
  }
  // Object.fromEntries defines own properties, so a "__proto__" tag stays a plain tag.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * An NSError (sentry-cocoa: `mechanism.meta.ns_error {domain, code}`) is its domain and code:
 * NSURLErrorDomain -1009 (offline) and -1202 (bad certificate) are different failures, and the
 * message, "Code: -1009", loses the number to normalisation. Added to the computed fingerprint.
 */
function nsErrorFingerprint(mechanism: JsonObject | undefined): string[] | undefined {
  const nsError = asObject(asObject(mechanism?.meta)?.ns_error);
  const code = nsError?.code;
  if (typeof code !== "number" || !Number.isSafeInteger(code)) return undefined;
  return ["{{ default }}", `ns-error:${clipText(nsError?.domain, MAX_EXCEPTION_TYPE_CHARS) ?? ""}:${code}`];
}

/**
 * Custom grouping, its variables filled in from the event (fingerprintVariables.ts); "{{ default }}"
 * is passed through verbatim for our fingerprint code to expand.
 */
function fingerprintOf(raw: unknown, facts: FingerprintFacts): string[] | undefined {
  const list = typeof raw === "string" ? [raw] : asArray(raw);
  if (!list) return undefined;
  const given = list
    .map((part) => asText(part))
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .slice(0, MAX_FINGERPRINT_PARTS);
  const parts = resolveFingerprintVariables(given, facts).map((part) => clip(part, MAX_FINGERPRINT_PART));
  return parts.length > 0 ? parts : undefined;
}

function mapRequest(raw: unknown): JsonObject | undefined {
  const request = asObject(raw);
  if (!request) return undefined;
  const picked = compact({
    url: request.url,
    method: request.method,
    headers: joinedHeaderValues(request.headers),
    data: request.data,
    query_string: request.query_string,
    cookies: request.cookies,
    // The server's view of the request (REMOTE_ADDR, SERVER_NAME, a request id): Plug, PHP, WSGI.
    env: request.env,
  });
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/**
 * Headers as an object whose values may be lists (sentry-php sends PSR-7's `getHeaders()`:
 * `{"user-agent": ["Mozilla/5.0 …"]}`): each list joined with ", ", as HTTP folds repeated headers.
 * The list-of-pairs form is kept as it is.
 */
function joinedHeaderValues(raw: unknown): unknown {
  const headers = asObject(raw);
  if (!headers) return raw;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.map((v) => asText(v) ?? "").join(", ") : value]));
}

/** `breadcrumbs: { values: [...] }` or a bare list; the most recent MAX_BREADCRUMBS are kept. */
function breadcrumbsOf(raw: unknown): unknown[] | undefined {
  const list = asArray(raw) ?? asArray(asObject(raw)?.values);
  return list && list.length > 0 ? list.slice(-MAX_BREADCRUMBS) : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Drops undefined and null members so outputs only carry what the event had. */
function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null)) as T;
}
