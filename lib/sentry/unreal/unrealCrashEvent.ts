import { randomUUID } from "node:crypto";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { asObject, type JsonObject } from "@/lib/sentry/coerce";
import { mapAttachment, MAX_ATTACHMENTS_PER_ENVELOPE, type AttachmentInput } from "@/lib/sentry/mapAttachment";
import { mapUserReport, type UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";
import { minidumpEvent } from "@/lib/sentry/minidump/minidumpEvent";
import { readMinidump } from "@/lib/sentry/minidump/readMinidump";
import { isCrashContextFile, type UnrealCrash, type UnrealCrashFile } from "@/lib/sentry/unreal/readUnrealCrash";
import { readUnrealContext, type UnrealContext } from "@/lib/sentry/unreal/readUnrealContext";
import { unrealCallStackFrames } from "@/lib/sentry/unreal/unrealCallStack";
import { unrealErrorOf } from "@/lib/sentry/unreal/unrealError";
import { unrealLogBreadcrumbs } from "@/lib/sentry/unreal/unrealLogBreadcrumbs";

/** What one Unreal crash report becomes: its event, the report's files attached to it, and what the player wrote. */
export interface UnrealCrashContents {
  event: JsonObject;
  attachments: AttachmentInput[];
  feedback: UserFeedbackInput[];
}

/** sentry-unreal's scope (release, environment, user, tags, contexts) as JSON in the context's GameData. */
const SENTRY_SCOPE_KEY = "__sentry";
const MAX_SCOPE_CHARS = 256 * 1024;
/** Ticks (100 ns) from 0001-01-01 to 1970-01-01: TimeOfCrash is a .NET-style UTC tick count. */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;

/**
 * The Sentry event of a crash report the engine's Crash Report Client uploaded (POST
 * /api/:projectId/unreal/:key/): the error from CrashContext.runtime-xml — ErrorMessage read as
 * Unreal prints it ("Assertion failed: …", "Ensure condition failed: …", "Unhandled Exception:
 * EXCEPTION_ACCESS_VIOLATION …", "Caught signal 11 …"), the CallStack the engine symbolicated on the
 * player's machine as frames (the minidump's crash module, or an Apple crash report's crashed
 * thread, when it has none), crash type, engine and build as tags, the machine as contexts; the
 * game's log tail as breadcrumbs; sentry-unreal's scope from GameData (release, environment, user,
 * tags, contexts); the player's description as a user report; every file of the report attached to
 * the event (the minidump as `event.minidump`). The event id is the CrashGUID's, so a report the
 * client sends again is stored once.
 */
export function unrealCrashEvent(crash: UnrealCrash): UnrealCrashContents {
  const contextFile = crash.files.find((f) => isCrashContextFile(f.name));
  const context = readUnrealContext(contextFile ? contextFile.data.toString("utf8") : "");
  const rt = context.runtime;
  const scope = sentryScopeOf(context);
  const eventId = /[0-9a-f]{32}/i.exec(rt.get("CrashGUID") ?? crash.directoryName)?.[0].toLowerCase() ?? randomUUID().replaceAll("-", "");
  const crashType = rt.get("CrashType") || (truthy(rt.get("IsEnsure")) ? "Ensure" : truthy(rt.get("IsAssert")) ? "Assert" : "Crash");
  const project = projectName(rt.get("GameName"));
  const frames = unrealCallStackFrames(rt.get("CallStack") ?? "", { executable: rt.get("ExecutableName"), project });
  const nativeReport = crash.files.find((f) => /\.dmp$/i.test(f.name) || /minidump/i.test(f.name));
  const { type, value } = unrealErrorOf(rt.get("ErrorMessage") ?? "", crashType);
  const handled = crashType === "Ensure";

  let event: JsonObject = {
    event_id: eventId,
    platform: "native",
    level: handled || crashType === "Hang" ? "error" : "fatal",
    ...timestampOf(rt.get("TimeOfCrash")),
    exception: { values: [{ type, value, mechanism: { type: "unreal", handled, description: crashType } }] },
    tags: compact({ crash_type: crashType, engine_version: rt.get("EngineVersion"), build_configuration: rt.get("BuildConfiguration"), platform_name: rt.get("PlatformName"), game: project }),
    contexts: contextsOf(context, project, crashType),
    ...(userOf(rt) && { user: userOf(rt) }),
    sdk: { name: "unreal.crashreporter", version: rt.get("CrashReportClientVersion") || "unknown" },
  };
  const stack = frames.length > 0 ? frames : nativeReport ? framesOfNativeReport(nativeReport.data) : [];
  if (stack.length > 0) setFrames(event, stack);
  else if (nativeReport) {
    // No symbolicated stack: the minidump's crash module is the frame grouping uses.
    const summary = readMinidump(nativeReport.data);
    if (summary) event = withMinidumpFrame(event, minidumpEvent({}, summary, eventId));
  }
  const log = crash.files.find((f) => /\.log$/i.test(f.name));
  const breadcrumbs = log ? unrealLogBreadcrumbs(log.data) : [];
  if (breadcrumbs.length > 0) event.breadcrumbs = breadcrumbs;
  event = withScope(event, scope);

  return { event, attachments: attachmentsOf(crash.files, eventId), feedback: feedbackOf(rt.get("UserDescription"), eventId) };
}

/** "UE4-MyGame" / "UE5-MyGame" → "MyGame". */
function projectName(gameName: string | undefined): string | undefined {
  return gameName?.replace(/^UE\d-/i, "") || undefined;
}

function truthy(value: string | undefined): boolean {
  return value === "1" || value?.toLowerCase() === "true";
}

function timestampOf(ticks: string | undefined): { timestamp?: number } {
  if (!ticks || !/^\d{1,20}$/.test(ticks)) return {};
  const ms = Number((BigInt(ticks) - UNIX_EPOCH_TICKS) / 10_000n);
  return ms > 0 ? { timestamp: ms / 1000 } : {};
}

function contextsOf({ runtime: rt, engine }: UnrealContext, project: string | undefined, crashType: string): JsonObject {
  const count = (key: string) => (/^\d{1,15}$/.test(rt.get(key) ?? "") ? Number(rt.get(key)) : undefined);
  return compactObject({
    os: compact({ name: rt.get("Misc.OSVersionMajor"), version: rt.get("Misc.OSVersionMinor") }),
    device: compact({ cpu_description: rt.get("Misc.CPUBrand"), processor_count: count("Misc.NumberOfCoresIncludingHyperthreads") ?? count("Misc.NumberOfCores"), memory_size: count("MemoryStats.TotalPhysical") }),
    gpu: compact({ name: rt.get("Misc.PrimaryGPUBrand"), api_type: engine.get("RHI.RHIName") }),
    app: compact({ app_name: project, app_build: rt.get("BuildVersion"), build_type: rt.get("BuildConfiguration") }),
    unreal: compact({
      crash_type: crashType,
      crash_guid: rt.get("CrashGUID"),
      engine_version: rt.get("EngineVersion"),
      engine_mode: rt.get("EngineMode"),
      platform: rt.get("PlatformFullName") || rt.get("PlatformName"),
      executable: rt.get("ExecutableName"),
      seconds_since_start: count("SecondsSinceStart"),
      used_physical_memory: count("MemoryStats.UsedPhysical"),
      out_of_memory: truthy(rt.get("MemoryStats.bIsOOM")) || undefined,
      game_state: rt.get("GameStateName"),
    }),
  });
}

/** The player's machine login, as the engine identifies it (never the OS user name): Epic account, else login id, else machine id. */
function userOf(rt: Map<string, string>): JsonObject | undefined {
  const id = rt.get("EpicAccountId") || rt.get("LoginId") || rt.get("MachineId");
  return id ? { id } : undefined;
}

function sentryScopeOf(context: UnrealContext): JsonObject {
  const json = context.game.get(SENTRY_SCOPE_KEY);
  if (!json || json.length > MAX_SCOPE_CHARS) return {};
  try {
    return asObject(JSON.parse(json)) ?? {};
  } catch {
    return {};
  }
}

/** sentry-unreal's scope wins for release, environment, user and dist; its tags and contexts join the report's. */
function withScope(event: JsonObject, scope: JsonObject): JsonObject {
  const merged: JsonObject = { ...event };
  for (const key of ["release", "environment", "dist", "user"] as const) if (scope[key] !== undefined) merged[key] = scope[key];
  const tags = asObject(scope.tags);
  if (tags) merged.tags = { ...asObject(event.tags), ...tags };
  const contexts = asObject(scope.contexts);
  if (contexts) merged.contexts = { ...asObject(event.contexts), ...contexts };
  return merged;
}

function setFrames(event: JsonObject, frames: JsonObject[]): void {
  const [exception] = (asObject(event.exception)?.values as JsonObject[]) ?? [];
  exception.stacktrace = { frames };
}

/** The minidump's one frame (the crash module, and its debug ID for symbols) under our error; its OS and CPU where the context had none. */
function withMinidumpFrame(event: JsonObject, fromDump: JsonObject): JsonObject {
  const [dumped] = (asObject(fromDump.exception)?.values as JsonObject[]) ?? [];
  if (dumped?.stacktrace) setFrames(event, (asObject(dumped.stacktrace)?.frames as JsonObject[]) ?? []);
  return { ...event, ...(fromDump.debug_meta !== undefined && { debug_meta: fromDump.debug_meta }), contexts: { ...asObject(fromDump.contexts), ...asObject(event.contexts) } };
}

/** A macOS report carries an Apple crash report where Windows and Linux put a minidump: its crashed thread. */
function framesOfNativeReport(data: Buffer): JsonObject[] {
  if (data.subarray(0, 4).toString("latin1") === "MDMP") return [];
  const parsed = parseStackTrace(data.subarray(0, 1024 * 1024).toString("utf8"), "native");
  return parsed.language === "native" ? parsed.frames.map(sentryFrame) : [];
}

function sentryFrame(frame: Frame): JsonObject {
  return compact({ function: frame.function, package: frame.module, filename: frame.filename, abs_path: frame.absPath, lineno: frame.lineno, in_app: frame.inApp, instruction_addr: frame.instructionAddr });
}

function attachmentsOf(files: UnrealCrashFile[], eventId: string): AttachmentInput[] {
  const attachments: AttachmentInput[] = [];
  for (const file of files) {
    if (attachments.length >= MAX_ATTACHMENTS_PER_ENVELOPE) break;
    const minidump = file.data.subarray(0, 4).toString("latin1") === "MDMP";
    const contentType = minidump ? "application/octet-stream" : /\.(?:runtime-xml|xml)$/i.test(file.name) ? "application/xml" : /\.(?:log|txt|ini)$/i.test(file.name) ? "text/plain" : undefined;
    const attachment = mapAttachment({ filename: file.name, attachment_type: minidump ? "event.minidump" : "event.attachment", ...(contentType && { content_type: contentType }) }, file.data, eventId);
    if (attachment) attachments.push(attachment);
  }
  return attachments;
}

/** What the player typed into the Crash Report Client: a user report on the event (scrubbed like one). */
function feedbackOf(description: string | undefined, eventId: string): UserFeedbackInput[] {
  return description?.trim() ? [mapUserReport({ event_id: eventId, comments: description }, "UserDescription")] : [];
}

function compact(values: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ""));
}

function compactObject(values: Record<string, JsonObject>): JsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => Object.keys(v).length > 0));
}
