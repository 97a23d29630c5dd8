import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { sourceUrlsOf, type SourceBundle } from "@/lib/jvmSources/sourceBundle";

/** Lines shown before and after a frame's line. */
const CONTEXT_LINES = 5;
const MAX_LINE_LENGTH = 500;

// Per bundle (kept as long as the bundle is): each source read once, as lines (null: not there or too large).
const linesByBundle = new WeakMap<SourceBundle, Map<string, string[] | null>>();

/**
 * Frames with their source lines from the app's JVM source bundles: each frame without lines of its
 * own whose class and file a bundle holds (lib/jvmSources/sourceBundle.ts) gets its line and five
 * around it. Other frames are returned as they are. Pure but for reading the bundles.
 */
export function withJvmSourceContext<F extends Frame>(frames: F[], bundles: SourceBundle[]): F[] {
  if (bundles.length === 0) return frames;
  return frames.map((frame) => {
    if (frame.contextLine !== undefined || !frame.lineno) return frame;
    for (const url of sourceUrlsOf(frame)) {
      for (const bundle of bundles) {
        const lines = linesOf(bundle, url);
        if (!lines || frame.lineno > lines.length) continue;
        const at = frame.lineno - 1;
        return {
          ...frame,
          preContext: lines.slice(Math.max(0, at - CONTEXT_LINES), at),
          contextLine: lines[at],
          postContext: lines.slice(at + 1, at + 1 + CONTEXT_LINES),
        };
      }
    }
    return frame;
  });
}

function linesOf(bundle: SourceBundle, url: string): string[] | null {
  let perBundle = linesByBundle.get(bundle);
  if (!perBundle) linesByBundle.set(bundle, (perBundle = new Map()));
  if (perBundle.has(url)) return perBundle.get(url)!;
  const read = bundle.files.get(url);
  let lines: string[] | null = null;
  try {
    // At most MAX_SOURCE_FILE_BYTES, refused before it is inflated (this runs on the event view's GET).
    const content = read?.();
    if (content) lines = content.toString("utf8").split(/\r?\n/).map((line) => line.slice(0, MAX_LINE_LENGTH));
  } catch {
    // a damaged entry (CRC, size) or one over MAX_SOURCE_FILE_BYTES: no lines for it
  }
  perBundle.set(url, lines);
  return lines;
}
