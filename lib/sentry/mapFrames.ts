import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES } from "@/lib/ingest/stacktrace/limits";
import { asArray, asObject, clipRaw } from "@/lib/sentry/coerce";
import { imageAt, type DebugImage } from "@/lib/sentry/debugImages";

// Field limits of FrameSchema (lib/ingest/stacktrace/frame.ts).
const MAX_NAME = 1024;
const MAX_FILENAME = 2048;
const MAX_ABS_PATH = 4096;
const MAX_SOURCE_LINE = 4096;
const MAX_CONTEXT_LINES = 20;

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
  return mapped.length > 0 ? mapped : undefined;
}

/**
 * One Sentry frame → Frame, keeping only fields FrameSchema knows, each within its limits. A native
 * frame with only an instruction address gets the binary it lies in from the event's debug images.
 */
export function mapFrame(frame: Record<string, unknown>, images: DebugImage[] = []): Frame {
  const out: Frame = {};
  const fn = nonEmpty(frame.function, MAX_NAME) ?? nonEmpty(frame.raw_function, MAX_NAME) ?? nonEmpty(frame.symbol, MAX_NAME);
  if (fn !== undefined && fn !== UNKNOWN_FUNCTION) out.function = fn;
  const moduleName = nonEmpty(frame.module, MAX_NAME) ?? nonEmpty(frame.package, MAX_NAME) ?? imageAt(images, frame.instruction_addr)?.codeFile.slice(0, MAX_NAME);
  if (moduleName !== undefined) out.module = moduleName;
  const filename = nonEmpty(frame.filename, MAX_FILENAME);
  if (filename !== undefined) out.filename = filename;
  const absPath = nonEmpty(frame.abs_path, MAX_ABS_PATH);
  if (absPath !== undefined) out.absPath = absPath;
  const lineno = position(frame.lineno);
  if (lineno !== undefined) out.lineno = lineno;
  const colno = position(frame.colno);
  if (colno !== undefined) out.colno = colno;
  if (typeof frame.in_app === "boolean") out.inApp = frame.in_app;
  const contextLine = clipRaw(frame.context_line, MAX_SOURCE_LINE);
  if (contextLine !== undefined) out.contextLine = contextLine;
  // Keep the lines nearest the frame's line: the end of pre_context, the start of post_context.
  const pre = asArray(frame.pre_context);
  if (pre) out.preContext = contextLines(pre.slice(-MAX_CONTEXT_LINES));
  const post = asArray(frame.post_context);
  if (post) out.postContext = contextLines(post.slice(0, MAX_CONTEXT_LINES));
  return out;
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
