import { basename } from "@/lib/ingest/stacktrace/location";
import { asObject, type JsonObject } from "@/lib/sentry/coerce";
import type { MinidumpSummary } from "@/lib/sentry/minidump/readMinidump";

/**
 * The Sentry event for a native crash sent as a minidump: the event the SDK sent alongside (Crashpad's
 * `sentry` form field, the envelope's event item) or an empty one, with what the dump says filled in
 * where the SDK said nothing: the exception (signal or exception code, the crash address, the crash
 * module as its one frame), level fatal (info for a dump taken on request), platform native, the
 * OS and CPU. An exception the SDK sent
 * (the in-process backend unwinds the stack itself) is kept as it is.
 *
 * A dump cut short (`truncated`) gives what was readable and says so in `extra.minidump`. A dump
 * that cannot be read at all (`summary` null: no MDMP header) still makes a native crash — "Native
 * crash (unreadable minidump)" — unless the SDK's event says what happened itself (an exception or
 * a message): the SDK was answered that its crash was received, so the crash must be stored.
 */
export function minidumpEvent(sent: JsonObject | undefined, summary: MinidumpSummary | null, eventId: string | undefined): JsonObject {
  const event: JsonObject = { ...(sent ?? {}) };
  if (event.event_id === undefined && eventId !== undefined) event.event_id = eventId;
  if (!summary) return unreadableDumpEvent(event);
  event.level ??= summary.reason === "DUMP_REQUESTED" ? "info" : "fatal";
  event.platform ??= "native";
  if (summary.truncated) event.extra = { ...asObject(event.extra), minidump: TRUNCATED_NOTE };
  if (!hasException(event)) {
    event.exception = { values: [exceptionOf(summary)] };
    // The crash module's debug ID: uploaded symbols of it name the crash frame (lib/native).
    const image = imageOf(summary);
    const listed = asObject(event.debug_meta)?.images;
    if (image) event.debug_meta = { ...asObject(event.debug_meta), images: [...(Array.isArray(listed) ? listed : []), image] };
  }
  const contexts: JsonObject = { ...asObject(event.contexts) };
  if (summary.os && contexts.os === undefined) contexts.os = { name: summary.os, ...(summary.osVersion && { version: summary.osVersion }) };
  if (summary.arch && contexts.device === undefined) contexts.device = { arch: summary.arch };
  if (Object.keys(contexts).length > 0) event.contexts = contexts;
  return event;
}

const TRUNCATED_NOTE = "truncated: the dump ends before structures it points to; what lay before the cut was read";
const UNREADABLE = "Native crash (unreadable minidump)";

/** The event of a dump that is not readable: the SDK's own account when it gave one, else the crash as unreadable. */
function unreadableDumpEvent(event: JsonObject): JsonObject {
  if (hasException(event) || hasMessage(event)) return event;
  event.level ??= "fatal";
  event.platform ??= "native";
  event.exception = { values: [{ type: "Minidump", value: UNREADABLE, mechanism: { type: "minidump", handled: false } }] };
  event.extra = { ...asObject(event.extra), minidump: "unreadable: the file sent as the minidump has no MDMP header" };
  return event;
}

function exceptionOf(summary: MinidumpSummary): JsonObject {
  const crashed = summary.crashModule;
  const where = crashed ? ` in ${basename(crashed.path) || "an unnamed module"} +${crashed.offset}` : "";
  const at = summary.address ? ` at ${summary.address}` : "";
  const withoutReason = summary.truncated ? `Native crash (truncated minidump)${where}` : `Minidump without an exception${where}`;
  return {
    type: summary.reason ?? "Minidump",
    value: !summary.reason ? withoutReason : summary.reason === "DUMP_REQUESTED" ? `Dump taken on request (not a crash)${where}` : `Fatal error${at}${where}`,
    mechanism: { type: "minidump", handled: false },
    ...(crashed && { stacktrace: { frames: [{ package: crashed.path, instruction_addr: summary.instructionPointer }] } }),
  };
}

function imageOf(summary: MinidumpSummary): JsonObject | undefined {
  const crashed = summary.crashModule;
  if (!crashed?.debugId) return undefined;
  return { type: summary.os === "Windows" ? "pe" : summary.os === "macOS" || summary.os === "iOS" ? "macho" : "elf", code_file: crashed.path, debug_id: crashed.debugId, image_addr: crashed.base, image_size: crashed.size };
}

function hasMessage(event: JsonObject): boolean {
  return [event.message, event.logentry].some((m) => (typeof m === "string" ? m !== "" : asObject(m) !== undefined));
}

function hasException(event: JsonObject): boolean {
  const exception = event.exception;
  if (Array.isArray(exception)) return exception.length > 0;
  const values = asObject(exception)?.values;
  return Array.isArray(values) && values.length > 0;
}
