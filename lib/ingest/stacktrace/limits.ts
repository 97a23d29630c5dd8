import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * Hard limits shared by every parser. Stack traces arrive from untrusted clients, so
 * each parser bounds its own work even when called directly (not via parseStackTrace).
 */
export const MAX_INPUT_CHARS = 256 * 1024;
export const MAX_FRAMES = 500;
/** Real frame lines are short; very long lines are minified source or garbage, never frames. */
export const MAX_LINE_CHARS = 4096;
/**
 * An exception's header line may be longer (a message may be 8,192 characters, its type 256): a line
 * is kept up to this many characters, cut there, never blanked — the type and the start of the
 * message are what grouping and the title read.
 */
export const MAX_KEPT_LINE_CHARS = 8192 + 512;

/** The last text splitLines split, and its lines: every parser and chain splitter splits the same trace. */
let lastSplit: { text: string; lines: readonly string[] } | undefined;

/**
 * Splits trace text into lines, capping input size and cutting over-long lines (MAX_KEPT_LINE_CHARS). A trace is tried
 * by a dozen parsers and splitters in a row, each splitting it again: the lines of the last text are
 * remembered (and frozen, shared by every caller), so a hostile 256 KiB of line breaks is split once
 * per event, not twenty times.
 */
export function splitLines(text: string): readonly string[] {
  if (typeof text !== "string" || text.length === 0) return [];
  if (lastSplit?.text === text) return lastSplit.lines;
  const capped = text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text;
  const lines = Object.freeze(
    capped.split("\n").map((line) => {
      if (line.length > MAX_KEPT_LINE_CHARS) return line.slice(0, MAX_KEPT_LINE_CHARS);
      return line.endsWith("\r") ? line.slice(0, -1) : line;
    }),
  );
  lastSplit = { text, lines };
  return lines;
}

/**
 * Turns frames collected innermost-first (how most runtimes print them) into the
 * outermost-first order of ParsedStack, keeping the innermost MAX_FRAMES: the throw
 * site matters more for grouping than the bottom of a deep stack.
 */
export function innermostFirstToOrdered(frames: Frame[]): Frame[] | null {
  if (frames.length === 0) return null;
  return frames.slice(0, MAX_FRAMES).reverse();
}

/**
 * Frames of a format that prints one frame per line, innermost first: each line through `parseLine`
 * (trimmed; null for lines that are not frames), returned outermost first (innermostFirstToOrdered).
 */
export function innermostFirstLines(text: string, parseLine: (line: string) => Frame | null): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const frame = parseLine(raw.trim());
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break;
  }
  return innermostFirstToOrdered(frames);
}

/** Same cap for formats that already print outermost-first (Python). */
export function capOrdered(frames: Frame[]): Frame[] | null {
  if (frames.length === 0) return null;
  return frames.length > MAX_FRAMES ? frames.slice(-MAX_FRAMES) : frames;
}

/** Truncates fields to FrameSchema's maxima so parsed frames always validate downstream. */
export function clampFrame(frame: Frame): Frame {
  const out: Frame = { ...frame };
  if (out.function && out.function.length > 1024) out.function = out.function.slice(0, 1024);
  if (out.module && out.module.length > 1024) out.module = out.module.slice(0, 1024);
  if (out.filename && out.filename.length > 2048) out.filename = out.filename.slice(-2048); // keep the basename
  if (out.absPath && out.absPath.length > 4096) out.absPath = out.absPath.slice(-4096);
  if (out.contextLine && out.contextLine.length > 4096) out.contextLine = out.contextLine.slice(0, 4096);
  return out;
}
