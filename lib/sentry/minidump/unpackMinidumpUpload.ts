import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import type { MultipartPart } from "@/lib/http/parseMultipart";
import { asObject, type JsonObject } from "@/lib/sentry/coerce";
import { decodeMsgpack } from "@/lib/sentry/minidump/decodeMsgpack";
import { minidumpEvent } from "@/lib/sentry/minidump/minidumpEvent";
import { readMinidump } from "@/lib/sentry/minidump/readMinidump";

/** The file field Breakpad, Crashpad and Electron's crashReporter upload the dump in. */
export const MINIDUMP_FIELD = "upload_file_minidump";
/** Plain form fields kept as `extra` (Electron's `_productName`, `ver`, `process_type`…), bounded. */
const MAX_EXTRA_FIELDS = 50;
const MAX_EXTRA_CHARS = 1024;

/**
 * The Sentry event of a minidump upload (POST /api/:projectId/minidump/, multipart/form-data): the
 * dump in `upload_file_minidump`; the SDK's event, when it sent one, as JSON in a `sentry` field,
 * as `sentry[release]`-style fields (nested: `sentry[tags][feature]`), as Electron's
 * `sentry___initialScope` JSON, or as sentry-native's msgpack `__sentry-event` file (Crashpad
 * backend). Other plain fields go to `extra`. A missing or unreadable dump is a 400 naming the field.
 */
export function unpackMinidumpUpload(parts: MultipartPart[]): JsonObject {
  const file = parts.find((p) => p.name === MINIDUMP_FIELD);
  if (!file) throw ApiError.badRequest(`${MINIDUMP_FIELD}: missing (the minidump file field)`);
  const summary = readMinidump(file.body);
  if (!summary) throw ApiError.badRequest(`${MINIDUMP_FIELD}: not a minidump (no MDMP header)`);

  let event: JsonObject = {};
  const extra: JsonObject = {};
  for (const part of parts) {
    if (part === file) continue;
    if (part.name === "sentry") event = merge(event, jsonField(part));
    else if (part.name === "sentry___initialScope") event = merge(event, scopeOf(jsonField(part)));
    else if (part.name === "__sentry-event") event = merge(event, asObject(decodeMsgpack(part.body)) ?? {});
    else if (part.name.startsWith("sentry[")) setPath(event, bracketPath(part.name), part.body.toString("utf8"));
    else if (part.filename === undefined && Object.keys(extra).length < MAX_EXTRA_FIELDS && !part.name.startsWith("__sentry")) {
      extra[part.name.slice(0, 200)] = part.body.toString("utf8", 0, Math.min(part.body.length, MAX_EXTRA_CHARS * 4)).slice(0, MAX_EXTRA_CHARS);
    }
  }
  if (Object.keys(extra).length > 0) event.extra = { ...asObject(event.extra), ...extra };
  return minidumpEvent(event, summary, randomUUID().replaceAll("-", ""));
}

/** An event as JSON is at most 1 MiB, as in an envelope (lib/sentry/unpackEnvelope.ts MAX_JSON_ITEM_BYTES): parsing is synchronous. */
const MAX_JSON_FIELD_BYTES = 1024 * 1024;

function jsonField(part: MultipartPart): JsonObject {
  if (part.body.length > MAX_JSON_FIELD_BYTES) throw ApiError.tooLarge(`${part.name}: a JSON field may be at most ${MAX_JSON_FIELD_BYTES} bytes`, { field: part.name, limit: MAX_JSON_FIELD_BYTES });
  const value = asObject(parseJsonBytes(part.body, part.name));
  if (!value) throw ApiError.badRequest(`${part.name}: expected a JSON object`);
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
