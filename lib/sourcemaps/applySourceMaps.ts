import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { enclosingFunctionIn, MAX_SCAN_LINES } from "@/lib/sourcemaps/enclosingFunction";
import { resolvePositions, type SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { sourceLineWindow } from "@/lib/sourcemaps/sourceLines";
import { cleanSourcePath, sourceMapUrlCandidates } from "@/lib/sourcemaps/sourceMapUrl";

/** Lines of original source shown above and below a mapped frame's line. */
const CONTEXT_LINES = 5;
const MAX_CONTEXT_LINE = 4096;

/** Where a frame was in the minified file, kept beside its original position. */
export interface MinifiedPosition {
  function?: string;
  filename?: string;
  lineno?: number;
  colno?: number;
}

export type MappedFrame = Frame & { minified?: MinifiedPosition };

/** The URL a frame's minified file is known by (its absolute path or URL first). */
export function frameFileUrl(frame: Frame): string | undefined {
  return frame.absPath || frame.filename || undefined;
}

/**
 * Frames with a source map (`maps`: by upload URL) mapped to their original file, line, column,
 * function (the definition around the line in the original source, when the map carries the
 * source) and source lines (unless `sourceLines: false`: grouping needs none); the minified
 * position is kept as `minified`. Frames without a map, line or column,
 * or at a position the map does not cover, are returned as they are.
 */
export function applySourceMaps(frames: Frame[], maps: ReadonlyMap<string, SourceMap>, options: { sourceLines?: boolean } = {}): MappedFrame[] {
  const withSourceLines = options.sourceLines ?? true;
  const byMap = new Map<SourceMap, number[]>();
  frames.forEach((frame, i) => {
    const url = frameFileUrl(frame);
    if (!url || frame.lineno === undefined || frame.colno === undefined) return;
    const map = sourceMapUrlCandidates(url).map((candidate) => maps.get(candidate)).find((m) => m !== undefined);
    if (map) byMap.set(map, [...(byMap.get(map) ?? []), i]);
  });
  const out: MappedFrame[] = [...frames];
  for (const [map, indexes] of byMap) {
    const positions = resolvePositions(map, indexes.map((i) => ({ line: frames[i].lineno!, column: frames[i].colno! })));
    indexes.forEach((frameIndex, k) => {
      const original = positions[k];
      if (!original) return;
      const frame = frames[frameIndex];
      // The original source around the line: the lines above it (for the enclosing function) and, when shown, below.
      const window = sourceLineWindow(map, original.sourceIndex, original.line - MAX_SCAN_LINES, original.line + (withSourceLines ? CONTEXT_LINES : 0));
      const path = cleanSourcePath(original.source);
      const mapped: MappedFrame = {
        ...withoutPosition(frame),
        filename: path,
        absPath: original.source,
        lineno: original.line,
        colno: original.column,
        minified: { function: frame.function, filename: frame.filename ?? frame.absPath, lineno: frame.lineno, colno: frame.colno },
      };
      // The map's name at this position is the identifier there (often what the line calls), not the
      // function around it: the original source says that; without it the minified name stays.
      const at = window ? original.line - window.first : -1;
      const fn = window ? enclosingFunctionIn(window.lines, at) : null;
      if (fn) mapped.function = fn;
      // Library code bundled in (node_modules) is the library's, whatever the SDK guessed for the bundle.
      if (/(?:^|\/)node_modules\//.test(path)) mapped.inApp = false;
      if (window && withSourceLines && at >= 0 && at < window.lines.length) Object.assign(mapped, contextOf(window.lines, at));
      out[frameIndex] = mapped;
    });
  }
  return out;
}

/** A minified frame without what described the minified file (its source lines, the bundle's module name). */
function withoutPosition(frame: Frame): Frame {
  const rest = { ...frame };
  delete rest.contextLine;
  delete rest.preContext;
  delete rest.postContext;
  delete rest.module;
  return rest;
}

function contextOf(lines: string[], at: number): Pick<Frame, "contextLine" | "preContext" | "postContext"> {
  const clip = (s: string) => s.replace(/\r$/, "").slice(0, MAX_CONTEXT_LINE);
  return {
    preContext: lines.slice(Math.max(0, at - CONTEXT_LINES), at).map(clip),
    contextLine: clip(lines[at]),
    postContext: lines.slice(at + 1, at + 1 + CONTEXT_LINES).map(clip),
  };
}
