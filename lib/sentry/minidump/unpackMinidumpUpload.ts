import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import type { MultipartPart } from "@/lib/http/parseMultipart";
import { asObject, type JsonObject } from "@/lib/sentry/coerce";
import { decodeMsgpack, decodeMsgpackSequence } from "@/lib/sentry/minidump/decodeMsgpack";
import { minidumpEvent } from "@/lib/sentry/minidump/minidumpEvent";
import { readMinidump } from "@/lib/sentry/minidump/readMinidump";

/** The file field Breakpad, Crashpad and Electron's crashReporter upload the dump in. */
export const MINIDUMP_FIELD = "upload_file_minidump";
/** sentry-native's Crashpad backend: the event and the two breadcrumb ring files it uploads beside the dump. */
export const SENTRY_EVENT_FILE = "__sentry-event";
const BREADCRUMB_FILES = new Set(["__sentry-breadcrumb1", "__sentry-breadcrumb2"]);
/** Breadcrumbs read from the ring files (the event keeps the most recent 100, lib/sentry/mapSentryEvent.ts). */
const MAX_FILE_BREADCRUMBS = 1000;
/** Plain form fields kept as `extra` (Electron's `_productName`, `ver`, `process_type`…), bounded. */
const MAX_EXTRA_FIELDS = 50;
const MAX_EXTRA_CHARS = 1024;

/**
 * The Sentry event of a minidump upload (POST /api/:projectId/minidump/, multipart/form-data): the
 * dump in `upload_file_minidump`; the SDK's event, when it sent one, as JSON in a `sentry` field,
 * as `sentry[release]`-style fields (nested: `sentry[tags][feature]`), as Electron's
 * `sentry___initialScope` JSON, or as sentry-native's msgpack `__sentry-event` file (Crashpad
 * backend), whose `__sentry-breadcrumb1`/`2` files add their breadcrumbs (oldest first). Other plain
 * fields go to `extra`; other files are the event's attachments (minidumpUploadAttachments.ts). A
 * dump cut short makes the event of what was readable (readMinidump: `truncated`); a missing dump,
 * or a file that is not a minidump at all (no MDMP header), is a 400 naming the field.
 */
export function unpackMinidumpUpload(parts: MultipartPart[]): JsonObject {
  const file = parts.find((p) => p.name === MINIDUMP_FIELD);
  if (!file) throw ApiError.badRequest(`${MINIDUMP_FIELD}: missing (the minidump file field)`, { field: MINIDUMP_FIELD });
  const summary = readMinidump(file.body);
  if (!summary) throw ApiError.badRequest(`${MINIDUMP_FIELD}: not a minidump (no MDMP header: the signature and MINIDUMP_VERSION)`, { field: MINIDUMP_FIELD });

  let event: JsonObject = {};
  const extra: JsonObject = {};
  const crumbs: unknown[] = [];
  for (const part of parts) {
    if (part === file) continue;
    if (part.name === "sentry") event = merge(event, jsonField(part));
    else if (part.name === "sentry___initialScope") event = merge(event, scopeOf(jsonField(part)));
    else if (sentryFileOf(part) === SENTRY_EVENT_FILE) event = merge(event, asObject(decodeMsgpack(part.body)) ?? {});
    else if (BREADCRUMB_FILES.has(sentryFileOf(part) ?? "")) crumbs.push(...decodeMsgpackSequence(part.body, MAX_FILE_BREADCRUMBS).filter((c) => asObject(c) !== undefined));
    else if (part.name.startsWith("sentry[")) setPath(event, bracketPath(part.name), part.body.toString("utf8"));
    else if (part.filename === undefined && Object.keys(extra).length < MAX_EXTRA_FIELDS && !part.name.startsWith("__sentry")) {
      extra[part.name.slice(0, 200)] = part.body.toString("utf8", 0, Math.min(part.body.length, MAX_EXTRA_CHARS * 4)).slice(0, MAX_EXTRA_CHARS);
    }
  }
  if (Object.keys(extra).length > 0) event.extra = { ...asObject(event.extra), ...extra };
  if (crumbs.length > 0) event.breadcrumbs = withFileBreadcrumbs(event.breadcrumbs, crumbs);
  return minidumpEvent(event, summary, randomUUID().replaceAll("-", ""));
}

/** The name sentry-native's Crashpad backend gave a part ("__sentry-event", "__sentry-breadcrumb1"…), by field or file name. */
export function sentryFileOf(part: MultipartPart): string | undefined {
  if (part.name.startsWith("__sentry")) return part.name;
  return part.filename?.startsWith("__sentry") ? part.filename : undefined;
}

/**
 * The event's breadcrumbs and those of the ring files, oldest first: the two files take turns, so
 * their breadcrumbs are ordered by timestamp (those without one keep their place at the start).
 */
function withFileBreadcrumbs(sent: unknown, fromFiles: unknown[]): unknown[] {
  const own = Array.isArray(sent) ? sent : (asObject(sent)?.values as unknown[] | undefined) ?? [];
  const all = [...(Array.isArray(own) ? own : []), ...fromFiles];
  return all
    .map((crumb, index) => ({ crumb, index, at: instantOf(asObject(crumb)?.timestamp) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.crumb);
}

/** A breadcrumb's time in ms (ISO text or seconds since the epoch); -Infinity when it has none. */
function instantOf(value: unknown): number {
  const ms = typeof value === "number" ? value * 1000 : typeof value === "string" ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : -Infinity;
}

/** An event as JSON is at most 1 MiB, as in an envelope (lib/sentry/unpackEnvelope.ts MAX_JSON_ITEM_BYTES): parsing is synchronous. */
const MAX_JSON_FIELD_BYTES = 1024 * 1024;

function jsonField(part: MultipartPart): JsonObject {
  if (part.body.length > MAX_JSON_FIELD_BYTES) throw ApiError.tooLarge(`${part.name}: a JSON field may be at most ${MAX_JSON_FIELD_BYTES} bytes`, { field: part.name, limit: MAX_JSON_FIELD_BYTES });
  const value = asObject(parseJsonBytes(part.body, part.name));
  if (!value) throw ApiError.badRequest(`${part.name}: expected a JSON object`, { field: part.name });
  return value;
}

/** Electron's initial scope: release, environment, user, tags and extra as the SDK was configured. */
function scopeOf(scope: JsonObject): JsonObject {
  const { release, environment, user, tags, extra } = scope;
  return Object.fromEntries(Object.entries({ release, environment, user, tags, extra }).filter(([, v]) => v !== undefined));
}

/** "sentry[tags][feature]" → ["tags", "feature"]; at most 4 levels. */
function bracketPath(name: string): string[] {
  return [...name.slice("sentry".length).matchAll(/\[([^\]]{1,100})\]/g)].map((m) => m[1]).slice(0, 4);
}

function setPath(target: JsonObject, path: string[], value: string): void {
  if (path.length === 0 || path.some((key) => key === "__proto__" || key === "constructor" || key === "prototype")) return;
  let node = target;
  for (const key of path.slice(0, -1)) {
    const child = asObject(node[key]);
    node = node[key] = child ?? {};
  }
  node[path[path.length - 1]] = value;
}

function merge(base: JsonObject, over: JsonObject): JsonObject {
  return { ...base, ...over };
}
