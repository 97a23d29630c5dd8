import { eventContexts } from "@/lib/ingest/eventTags";
import type { TimestampCorrection } from "@/lib/sentry/correctEventTime";
import { validFrames } from "@/lib/errors/events/eventFrames";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { FILTERED } from "@/lib/ingest/scrub";
import type { ThreadLock } from "@/lib/sentry/mapThreads";
import { DEBUG_IDS_METADATA_KEY, JVM_SOURCES_METADATA_KEY, NATIVE_SYMBOLS_METADATA_KEY, NativeImageSchema, PROGUARD_METADATA_KEY, type NativeImage } from "@/lib/ingest/eventSchema";

/**
 * The readable sections of one event from what ingest kept (`metadata.sentry` for Sentry SDKs, the
 * rest of `metadata` for the native API): breadcrumbs, request, user, contexts, SDK, extra data.
 * Pure; every field is checked, since stored JSON came from clients.
 */

export interface Breadcrumb {
  at: string | null;
  type: string | null;
  category: string | null;
  level: string | null;
  message: string | null;
  data: Record<string, unknown> | null;
}

export interface RequestSection {
  method: string | null;
  url: string | null;
  query: [string, string][];
  headers: [string, string][];
  cookies: [string, string][];
  /** The server's variables for the request (`request.env`: REMOTE_ADDR, SERVER_NAME, a request id…). */
  env: [string, string][];
  data: unknown;
}

export interface SdkSection {
  name: string | null;
  version: string | null;
  packages: string[];
  integrations: string[];
}

/** One thread of the event (Sentry's `threads`: an ANR's or a native crash's other threads), as ingest kept it. */
export interface ThreadSection {
  id: string | null;
  name: string | null;
  state: string | null;
  crashed: boolean;
  current: boolean;
  main: boolean;
  /** Its stack is the event's: shown as the exception's frames. */
  isEventStack: boolean;
  /** Outermost call first. */
  frames: Frame[];
  /** Frames ingest left out (innermost kept). */
  framesOmitted: number;
  locks: ThreadLock[];
}

/** An installed package and its version (Sentry's `modules`). */
export interface ModuleEntry {
  name: string;
  version: string;
}

export interface EventSections {
  /** What the application logged with the exception (`logger.exception("…")`) and its logger's name. */
  log: { message: string | null; logger: string | null } | null;
  breadcrumbs: Breadcrumb[];
  request: RequestSection | null;
  user: Record<string, unknown> | null;
  contexts: Record<string, Record<string, unknown>>;
  sdk: SdkSection | null;
  mechanism: { type: string | null; handled: boolean | null } | null;
  /** Native `context`/`metadata` and Sentry `extra`: shown as JSON. */
  extra: Record<string, unknown> | null;
  /** Every thread the SDK sent, the crashed one first; [] when it sent none. */
  threads: ThreadSection[];
  /** The packages installed in the application and their versions, by name; [] when the SDK sent none. */
  modules: ModuleEntry[];
  /** The release's distribution (a build of it: "ios-arm64", a build number). */
  dist: string | null;
  /** Why the event's time is not the one its SDK wrote (a wrong device clock), when it is not. */
  timestampCorrection: TimestampCorrection | null;
  /**
   * The ProGuard / R8 mappings an obfuscated event named; those not uploaded when it arrived (its
   * frames were stored obfuscated) and still missing; those uploaded since, applied when it is viewed.
   */
  proguard: { uuids: string[]; missing: string[]; retracedWhenViewed: string[] } | null;
  /**
   * The native binaries (debug IDs) whose symbols a native event's addresses were symbolicated with;
   * those without symbols when it arrived and still without (`missing`), with where they were loaded
   * (`images`); those uploaded since, applied when it is viewed.
   */
  nativeSymbols: { symbolicated: string[]; missing: string[]; images: NativeImage[]; symbolicatedWhenViewed: string[] } | null;
}

const MAX_BREADCRUMBS = 100;
const MAX_THREADS = 64;
const MAX_MODULES = 2000;
const LOCK_KINDS = new Set<string>(["locked", "waiting", "sleeping", "blocked"]);

export function eventSections(metadata: unknown, userId: string | null): EventSections {
  const meta = asRecord(metadata);
  const sentry = asRecord(meta.sentry);
  const { sentry: _omit, [DEBUG_IDS_METADATA_KEY]: _ids, [PROGUARD_METADATA_KEY]: proguard, [JVM_SOURCES_METADATA_KEY]: _bundles, [NATIVE_SYMBOLS_METADATA_KEY]: nativeSymbols, ...native } = meta;
  void _omit;
  void _ids;
  void _bundles;
  const extra = { ...native, ...asRecord(sentry.extra) };
  return {
    log: logOf(sentry),
    breadcrumbs: breadcrumbsOf(sentry.breadcrumbs),
    request: requestOf(sentry.request),
    user: userOf(sentry.user, userId),
    contexts: contextsOf(meta),
    sdk: sdkOf(sentry.sdk),
    mechanism: mechanismOf(sentry.mechanism),
    extra: Object.keys(extra).length > 0 ? extra : null,
    threads: threadsOf(sentry.threads),
    modules: modulesOf(sentry.modules),
    dist: text(sentry.dist),
    timestampCorrection: correctionOf(sentry.timestamp_correction),
    proguard: proguardOf(proguard),
    nativeSymbols: nativeSymbolsOf(nativeSymbols),
  };
}

function nativeSymbolsOf(raw: unknown): EventSections["nativeSymbols"] {
  const record = asRecord(raw);
  const symbolicated = storedIds(record.symbolicated);
  const missing = storedIds(record.missing);
  const images = (Array.isArray(record.images) ? record.images : []).slice(0, 64).flatMap((image) => {
    const parsed = NativeImageSchema.safeParse(image);
    return parsed.success ? [parsed.data] : [];
  });
  return symbolicated.length + missing.length > 0 ? { symbolicated, missing, images, symbolicatedWhenViewed: [] } : null;
}

/** The ids a stored list holds (strings only, at most 16). */
export function storedIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((u): u is string => typeof u === "string").slice(0, 16) : [];
}

function proguardOf(raw: unknown): EventSections["proguard"] {
  const record = asRecord(raw);
  const listed = storedIds(record.uuids);
  return listed.length > 0 ? { uuids: listed, missing: storedIds(record.missing), retracedWhenViewed: [] } : null;
}

/** Ingest keeps a Sentry event's log message beside its exception as `message` (lib/sentry/mapSentryEvent.ts). */
function logOf(sentry: Record<string, unknown>): EventSections["log"] {
  const message = text(sentry.message);
  const logger = text(sentry.logger);
  return message || logger ? { message, logger } : null;
}

function correctionOf(raw: unknown): TimestampCorrection | null {
  const record = asRecord(raw);
  const sent = timestampOf(record.sent);
  if (!sent || (record.reason !== "clock_drift" && record.reason !== "too_old" && record.reason !== "in_future")) return null;
  const driftSeconds = typeof record.driftSeconds === "number" && Number.isFinite(record.driftSeconds) ? record.driftSeconds : undefined;
  return { reason: record.reason, sent, ...(driftSeconds === undefined ? {} : { driftSeconds }) };
}

function breadcrumbsOf(raw: unknown): Breadcrumb[] {
  const list = Array.isArray(raw) ? raw : Array.isArray(asRecord(raw).values) ? (asRecord(raw).values as unknown[]) : [];
  return list.slice(-MAX_BREADCRUMBS).flatMap((item) => {
    const crumb = asRecord(item);
    if (Object.keys(crumb).length === 0) return [];
    const data = asRecord(crumb.data);
    return [
      {
        at: timestampOf(crumb.timestamp),
        type: text(crumb.type),
        category: text(crumb.category),
        level: text(crumb.level),
        message: text(crumb.message),
        data: Object.keys(data).length > 0 ? data : null,
      },
    ];
  });
}

/** Sentry timestamps: seconds since the epoch (a float) or an ISO string. */
function timestampOf(value: unknown): string | null {
  const ms = typeof value === "number" ? value * 1000 : typeof value === "string" ? (/^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value)) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > 8.64e15) return null;
  return new Date(ms).toISOString();
}

function requestOf(raw: unknown): RequestSection | null {
  const request = asRecord(raw);
  if (Object.keys(request).length === 0) return null;
  return {
    method: text(request.method)?.toUpperCase() ?? null,
    url: text(request.url),
    query: pairsOf(request.query_string),
    headers: pairsOf(request.headers),
    cookies: cookiePairs(request.cookies),
    env: pairsOf(request.env),
    data: request.data ?? null,
  };
}

/** An object, a list of [name, value] pairs, or a query string, as [name, value] pairs. */
/**
 * Cookies as name/value rows: an SDK sends them as an object, pairs, or the Cookie header's text
 * (`a=1; b=2`, split at `;`, not read as a query string); a value hidden whole at ingest (the key
 * `cookies` is sensitive) is one row saying so, not a cookie named "[Filtered]".
 */
function cookiePairs(raw: unknown): [string, string][] {
  if (typeof raw !== "string") return pairsOf(raw);
  if (raw.trim() === FILTERED) return [["", FILTERED]];
  return raw.split(";").flatMap((part): [string, string][] => {
    const text = part.trim();
    if (!text) return [];
    const eq = text.indexOf("=");
    return [eq < 0 ? ["", text] : [text.slice(0, eq).trim(), text.slice(eq + 1).trim()]];
  });
}

function pairsOf(raw: unknown): [string, string][] {
  if (typeof raw === "string") {
    try {
      return [...new URLSearchParams(raw.replace(/^\?/, "")).entries()];
    } catch {
      return [["", raw]];
    }
  }
  if (Array.isArray(raw)) {
    return raw.flatMap((pair) => (Array.isArray(pair) && pair.length >= 2 ? [[String(pair[0]), display(pair[1])] as [string, string]] : []));
  }
  return Object.entries(asRecord(raw)).map(([k, v]) => [k, display(v)]);
}

function userOf(raw: unknown, userId: string | null): Record<string, unknown> | null {
  const user = asRecord(raw);
  if (Object.keys(user).length > 0) return user;
  return userId ? { id: userId } : null;
}

function contextsOf(meta: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const raw = asRecord(asRecord(meta.sentry).contexts);
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(raw)) {
    const ctx = asRecord(value);
    if (Object.keys(ctx).length > 0) out[name] = ctx;
  }
  // Browser / OS / device read from the User-Agent when the SDK sent no such context.
  const derived = eventContexts(meta);
  for (const [name, value] of Object.entries(derived)) {
    // A context of that kind under another name (sentry-rust's `rust`, a `type: "runtime"` context) is the SDK's, not derived.
    const sent = out[name] !== undefined || Object.values(out).some((ctx) => ctx.type === name);
    if (!sent && value) out[name] = { ...value, derivedFrom: "User-Agent" };
  }
  return out;
}

function sdkOf(raw: unknown): SdkSection | null {
  const sdk = asRecord(raw);
  if (Object.keys(sdk).length === 0) return null;
  const packages = Array.isArray(sdk.packages)
    ? sdk.packages.map(asRecord).flatMap((p) => (text(p.name) ? [`${text(p.name)}${text(p.version) ? `@${text(p.version)}` : ""}`] : []))
    : [];
  const integrations = Array.isArray(sdk.integrations) ? sdk.integrations.filter((i): i is string => typeof i === "string") : [];
  return { name: text(sdk.name), version: text(sdk.version), packages, integrations };
}

function threadsOf(raw: unknown): ThreadSection[] {
  const list = Array.isArray(raw) ? raw : [];
  return list.slice(0, MAX_THREADS).flatMap((item) => {
    const thread = asRecord(item);
    if (Object.keys(thread).length === 0) return [];
    const omitted = thread.framesOmitted;
    return [
      {
        id: text(thread.id),
        name: text(thread.name),
        state: text(thread.state),
        crashed: thread.crashed === true,
        current: thread.current === true,
        main: thread.main === true,
        isEventStack: thread.isEventStack === true,
        frames: validFrames(thread.frames) ?? [],
        framesOmitted: typeof omitted === "number" && Number.isSafeInteger(omitted) && omitted > 0 ? omitted : 0,
        locks: locksOf(thread.locks),
      },
    ];
  });
}

function locksOf(raw: unknown): ThreadLock[] {
  return (Array.isArray(raw) ? raw : []).slice(0, 8).flatMap((item): ThreadLock[] => {
    const lock = asRecord(item);
    if (typeof lock.kind !== "string" || !LOCK_KINDS.has(lock.kind)) return [];
    const out: ThreadLock = { kind: lock.kind as ThreadLock["kind"] };
    const className = text(lock.className);
    if (className) out.className = className;
    const address = text(lock.address);
    if (address) out.address = address;
    const threadId = text(lock.threadId);
    if (threadId) out.threadId = threadId;
    return [out];
  });
}

/** `modules: { name: version }` (a few SDKs send a list of `{ name, version }`), sorted by name. */
function modulesOf(raw: unknown): ModuleEntry[] {
  const entries: ModuleEntry[] = Array.isArray(raw)
    ? raw.map(asRecord).flatMap((m) => (text(m.name) ? [{ name: text(m.name)!, version: text(m.version) ?? "" }] : []))
    : Object.entries(asRecord(raw)).flatMap(([name, version]) => (name ? [{ name, version: text(version) ?? "" }] : []));
  return entries.slice(0, MAX_MODULES).sort((a, b) => a.name.localeCompare(b.name));
}

function mechanismOf(raw: unknown): EventSections["mechanism"] {
  const m = asRecord(raw);
  if (Object.keys(m).length === 0) return null;
  return { type: text(m.type), handled: typeof m.handled === "boolean" ? m.handled : null };
}

function display(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "";
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
