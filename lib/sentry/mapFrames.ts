import { MAX_VAR_NAME, MAX_VAR_VALUE, MAX_VARS, type Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES } from "@/lib/ingest/stacktrace/limits";
import { demangleFunctionName } from "@/lib/ingest/swift/demangleSwift";
import { asArray, asObject, clipRaw } from "@/lib/sentry/coerce";
import { addressOf, imageAt, type DebugImage } from "@/lib/sentry/debugImages";
import { boundedJson } from "@/lib/text/boundedJson";

// Field limits of FrameSchema (lib/ingest/stacktrace/frame.ts).
const MAX_NAME = 1024;
const MAX_FILENAME = 2048;
const MAX_ABS_PATH = 4096;
const MAX_SOURCE_LINE = 4096;
const MAX_CONTEXT_LINES = 20;
const MAX_PLATFORM = 64;
/** Frames that keep their variables, innermost first. */
const MAX_FRAMES_WITH_VARS = 5;

/** The JavaScript SDKs' placeholder for a function they could not name. */
const UNKNOWN_FUNCTION = "?";

/**
 * Converts a Sentry stack trace (`{ frames: [...] }`) to our frames. Both use the same order:
 * outermost call first, the frame that raised last. Deep stacks keep their innermost MAX_FRAMES
 * frames, the ones that matter for grouping. Returns undefined when there are no frames.
 */
export function mapStacktrace(stacktrace: unknown, images: DebugImage[] = []): Frame[] | undefined {
  const frames = asArray(asObject(stacktrace)?.frames);
  if (!frames || frames.length === 0) return undefined;
  const mapped = frames
    .slice(-MAX_FRAMES)
    .map(asObject)
    .filter((f): f is Record<string, unknown> => f !== undefined)
    .map((f) => mapFrame(f, images));
  // Variables of the innermost frames only: what led to the error, and a bounded event.
  let withVars = 0;
  for (let i = mapped.length - 1; i >= 0; i--) if (mapped[i].vars && ++withVars > MAX_FRAMES_WITH_VARS) delete mapped[i].vars;
  return mapped.length > 0 ? mapped : undefined;
}

/**
 * One Sentry frame → Frame, keeping only fields FrameSchema knows, each within its limits. A native
 * frame with only an instruction address gets the binary it lies in from the event's debug images; a
 * mangled Swift symbol ("$s3App12OrderServiceC5placeyyF") becomes the name it stands for
 * ("App.OrderService.place()", lib/ingest/swift/demangleSwift.ts).
 */
export function mapFrame(frame: Record<string, unknown>, images: DebugImage[] = []): Frame {
  const out: Frame = {};
  const fn = nonEmpty(frame.function, MAX_NAME) ?? nonEmpty(frame.raw_function, MAX_NAME) ?? nonEmpty(frame.symbol, MAX_NAME);
  // SDKs that name frames on the device (sentry-cocoa from the symbol table, sentry-native) give Swift code its mangled symbol.
  if (fn !== undefined && fn !== UNKNOWN_FUNCTION) out.function = demangleFunctionName(fn);
  const image = imageAt(images, frame.instruction_addr);
  const moduleName = nonEmpty(frame.module, MAX_NAME) ?? assemblyName(nonEmpty(frame.package, MAX_NAME)) ?? image?.codeFile.slice(0, MAX_NAME);
  if (moduleName !== undefined) out.module = moduleName;
  // Mono names a file it has no symbols for by its assembly's MVID: the frame has no file.
  const fileless = isMonoPlaceholder(frame.abs_path) || isMonoPlaceholder(frame.filename);
  const filename = fileless ? undefined : nonEmpty(frame.filename, MAX_FILENAME);
  if (filename !== undefined) out.filename = filename;
  const absPath = fileless ? undefined : nonEmpty(frame.abs_path, MAX_ABS_PATH);
  if (absPath !== undefined) out.absPath = absPath;
  const lineno = position(frame.lineno);
  if (lineno !== undefined) out.lineno = lineno;
  const colno = position(frame.colno);
  if (colno !== undefined) out.colno = colno;
  if (typeof frame.in_app === "boolean") out.inApp = frame.in_app;
  const platform = nonEmpty(frame.platform, MAX_PLATFORM);
  if (platform !== undefined) out.platform = platform;
  const contextLine = clipRaw(frame.context_line, MAX_SOURCE_LINE);
  if (contextLine !== undefined) out.contextLine = contextLine;
  // Keep the lines nearest the frame's line: the end of pre_context, the start of post_context.
  const pre = asArray(frame.pre_context);
  if (pre) out.preContext = contextLines(pre.slice(-MAX_CONTEXT_LINES));
  const post = asArray(frame.post_context);
  if (post) out.postContext = contextLines(post.slice(0, MAX_CONTEXT_LINES));
  const vars = varsOf(frame.vars);
  if (vars) out.vars = vars;
  // Only a frame no symbol names keeps its address: it is all there is to find the code by.
  const address = out.function === undefined ? hexAddress(frame.instruction_addr) : undefined;
  if (address) {
    out.instructionAddr = address;
    const imageStart = hexAddress(frame.image_addr) ?? (image ? `0x${image.start.toString(16)}` : undefined);
    if (imageStart) out.imageAddr = imageStart;
  }
  return out;
}

/**
 * A frame's variables (Python's locals, PHP's and Elixir's arguments…) as display text: strings as
 * they are, anything else as JSON, each cut to its limit; the first MAX_VARS.
 */
function varsOf(raw: unknown): Record<string, string> | undefined {
  const vars = asObject(raw);
  if (!vars) return undefined;
  const entries = Object.entries(vars)
    .slice(0, MAX_VARS)
    .map(([name, value]): [string, string] => [name.slice(0, MAX_VAR_NAME), (typeof value === "string" ? value : (boundedJson(value, MAX_VAR_VALUE) ?? "undefined")).slice(0, MAX_VAR_VALUE)]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** An address as sent ("0x7ff8…", lower-cased) or a number as hex; undefined for anything else. */
function hexAddress(value: unknown): string | undefined {
  const address = addressOf(value);
  if (address === undefined) return undefined;
  return typeof value === "string" ? value.toLowerCase() : `0x${address.toString(16)}`;
}

function nonEmpty(value: unknown, max: number): string | undefined {
  const text = clipRaw(value, max);
  return text === undefined || text === "" ? undefined : text;
}

/** Line and column numbers: non-negative integers only (SDKs send null or 0 when unknown). */
function position(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Source context lines; Sentry may send null for lines it could not read, which become "". */
function contextLines(lines: unknown[]): string[] {
  return lines.map((line) => clipRaw(line, MAX_SOURCE_LINE) ?? "");
}

/**
 * "<4a1b2c3d…>" (32 hex digits): the assembly's MVID, which Mono prints where a frame's file would be
 * when the build has no debug symbols ("… (at <4a1b…>:0)" in a Unity player's log); sentry-unity
 * sends it as abs_path, with "Unknown" (or the placeholder again) as filename. It names no file and
 * changes with every build: read as a path, "<…>" is a runtime internal, so the game's own frames
 * were left out of the key, and the culprit showed the MVID.
 */
function isMonoPlaceholder(value: unknown): boolean {
  return typeof value === "string" && /^<[0-9a-f]{32}>$/i.test(value.trim());
}

/**
 * sentry-dotnet names a frame's package by the assembly's display name, "Shop.Api, Version=2.3.0.0,
 * Culture=neutral, PublicKeyToken=null": the version changes with every release (and a dependency's
 * with every upgrade), so the short name is kept.
 */
function assemblyName(pkg: string | undefined): string | undefined {
  const comma = pkg?.indexOf(", Version=") ?? -1;
  return pkg && comma > 0 ? pkg.slice(0, comma) : pkg;
}
