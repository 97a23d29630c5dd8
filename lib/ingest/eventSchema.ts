import { z } from "zod";
import { LooseUuidSchema } from "@/lib/domain/looseUuid";
import { SeveritySchema } from "@/lib/domain/severity";
import { ExceptionInputSchema, MAX_CHAIN_LENGTH, MAX_EXCEPTION_MESSAGE_CHARS, MAX_EXCEPTION_TYPE_CHARS } from "@/lib/grouping/chain/ChainException";
import { FrameSchema } from "@/lib/ingest/stacktrace/frame";

export const MAX_BATCH_EVENTS = 1000;
export const MAX_DEBUG_IDS = 200;
/** ProGuard / R8 mappings one event may name (an app and its dynamic feature modules). */
export const MAX_PROGUARD_UUIDS = 16;
/** Where an occurrence's metadata keeps the debug IDs its event listed (file URL → debug ID). */
export const DEBUG_IDS_METADATA_KEY = "sourceMapDebugIds";
/** Where an occurrence's metadata keeps the ProGuard UUIDs its event listed and those without an uploaded mapping (`{uuids, missing?}`). */
export const PROGUARD_METADATA_KEY = "proguardMappings";
/** Metadata key of a native event's symbol files: the debug IDs it was symbolicated with, and those without symbols. */
export const NATIVE_SYMBOLS_METADATA_KEY = "nativeSymbols";
/** Native binaries an event's frames lie in, at most (a process loads hundreds; frames touch a few). */
export const MAX_NATIVE_IMAGES = 64;

/** A native binary an event's frames lie in: its debug ID and where it was loaded. */
export const NativeImageSchema = z.object({
  debugId: z.string().min(1).max(80),
  imageAddr: z.string().regex(/^0x[0-9a-f]{1,16}$/i),
});
export type NativeImage = z.infer<typeof NativeImageSchema>;
/** Where an occurrence's metadata keeps the debug IDs of the JVM source bundles its event listed. */
export const JVM_SOURCES_METADATA_KEY = "jvmSourceBundles";

const shortText = (max: number) => z.string().trim().min(1).max(max);
const jsonObject = z.record(z.string(), z.unknown());

/**
 * One event as accepted by POST /api/v1/events (the Sentry mapper produces the same shape).
 * `type` may be left out when `exceptions` (the chain, raised exception first) names it.
 */
export const IngestEventSchema = z.object({
  eventId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/, "must be 1-128 characters of A-Z a-z 0-9 _ . : -")
    // "." and ".." are path segments a URL resolves away: such an event could never be fetched.
    .refine((id) => !/^\.+$/.test(id), "must not be only dots")
    .optional(),
  type: shortText(MAX_EXCEPTION_TYPE_CHARS).optional(),
  /** The package or namespace `type` is declared in ("java.lang"), when `type` is a simple name. */
  module: shortText(MAX_EXCEPTION_TYPE_CHARS).optional(),
  message: z.string().max(MAX_EXCEPTION_MESSAGE_CHARS).optional(),
  /** The message before its values were filled in (a log call's format string): grouping compares it instead of the message. */
  messageTemplate: z.string().max(MAX_EXCEPTION_MESSAGE_CHARS).optional(),
  stackTrace: z.union([z.string().max(262_144), z.array(FrameSchema).max(500)]).optional(),
  exceptions: z.array(ExceptionInputSchema).min(1).max(MAX_CHAIN_LENGTH).optional(),
  severity: SeveritySchema.optional(),
  category: shortText(64).optional(),
  source: shortText(64).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  userId: shortText(256).optional(),
  agentId: shortText(256).optional(),
  runId: shortText(256).optional(),
  environment: shortText(64).optional(),
  release: shortText(256).optional(),
  platform: shortText(64).optional(),
  tags: z.record(z.string().max(200), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
  /**
   * The debug ID of each minified file the frames name (file URL → debug ID, as bundlers write them
   * with `//# debugId=`): source maps uploaded with that ID map these frames whatever the release.
   */
  debugIds: z
    .record(z.string().min(1).max(2048), z.string().max(64))
    .refine((ids) => Object.keys(ids).length <= MAX_DEBUG_IDS, `at most ${MAX_DEBUG_IDS} files`)
    .optional(),
  /**
   * The UUIDs of the ProGuard / R8 mappings the app was built with (Sentry's Android tooling writes
   * them into the app): obfuscated Java and Kotlin frames and exception classes are retraced with
   * the mappings uploaded under them before the event is grouped and stored.
   */
  proguardUuids: z
    .array(LooseUuidSchema)
    .max(MAX_PROGUARD_UUIDS)
    .optional(),
  /** The debug IDs of the app's JVM source bundles (sentry-cli debug-files bundle-jvm): its Java / Kotlin frames are shown with their source lines from them. */
  jvmSourceBundles: z.array(LooseUuidSchema).max(MAX_PROGUARD_UUIDS).optional(),
  /**
   * The native binaries the frames' addresses lie in (debug ID and load address): frames named only
   * by `instructionAddr` + `imageAddr` are symbolicated with the Breakpad symbols uploaded under
   * those debug IDs before the event is grouped and stored.
   */
  nativeImages: z.array(NativeImageSchema).max(MAX_NATIVE_IMAGES).optional(),
  context: jsonObject.optional(),
  metadata: jsonObject.optional(),
  fingerprint: z.array(z.string().max(512)).min(1).max(20).optional(),
  parentEventId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/)
    .optional(),
  impact: z
    .object({
      creditsLost: z.number().nonnegative().max(1e10).optional(),
      executionsAffected: z.number().int().nonnegative().max(1e9).optional(),
    })
    .optional(),
  recovery: z
    .object({
      recovered: z.boolean(),
      method: shortText(64).optional(),
      durationMs: z.number().int().nonnegative().max(2_147_483_647).optional(),
      automatic: z.boolean().optional(),
    })
    .optional(),
})
  .refine((e) => e.type !== undefined || e.exceptions !== undefined, { path: ["type"], message: "required (or give exceptions)" })
  .transform(({ type, message, ...rest }) => ({
    ...rest,
    type: type ?? rest.exceptions![0].type,
    message: message ?? (type === undefined ? rest.exceptions![0].message : ""),
  }));

export type IngestEventInput = z.input<typeof IngestEventSchema>;
export type IngestEvent = z.output<typeof IngestEventSchema>;
