import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * Source context lines per event. SDKs send a few lines around each frame's line (Sentry's
 * pre_context / context_line / post_context); the issue keeps them only for its first event, and an
 * occurrence's stored chain keeps each frame's own line only, so each occurrence stores its own — of
 * the raised exception's frames and its causes' — compactly, keyed by where the frame is (file, line,
 * column), and the event viewer puts them back on the frames it shows, however those were stored.
 */
export interface StoredSourceContext {
  file: string;
  line: number;
  col: number | null;
  pre: string[];
  ctx: string;
  post: string[];
}

export const MAX_CONTEXT_FRAMES = 30;
export const MAX_CONTEXT_LINES = 7;
export const MAX_CONTEXT_LINE_LENGTH = 500;

const clip = (line: string) => (line.length > MAX_CONTEXT_LINE_LENGTH ? line.slice(0, MAX_CONTEXT_LINE_LENGTH) : line);

/** The frames' context, application frames (innermost first) before library frames; null when there is none. */
export function sourceContextOf(frames: Frame[]): StoredSourceContext[] | null {
  return chainSourceContextOf([frames]);
}

/**
 * The context of every exception of a chain (raised first, then its causes: a cause's frames are
 * where the bug often is): the application frames of each exception in chain order, innermost first,
 * then their library frames, each place once, at most MAX_CONTEXT_FRAMES; null when there is none.
 */
export function chainSourceContextOf(stacks: Frame[][]): StoredSourceContext[] | null {
  const withContext = stacks.map((frames) => frames.filter((f) => f.contextLine !== undefined && f.lineno !== undefined && (f.filename ?? f.absPath)).reverse());
  const ordered = [...withContext.flatMap((frames) => frames.filter((f) => f.inApp !== false)), ...withContext.flatMap((frames) => frames.filter((f) => f.inApp === false))];
  if (ordered.length === 0) return null;
  const seen = new Set<string>();
  const out: StoredSourceContext[] = [];
  for (const f of ordered) {
    const entry: StoredSourceContext = {
      file: (f.filename ?? f.absPath)!,
      line: f.lineno!,
      col: f.colno ?? null,
      pre: (f.preContext ?? []).slice(-MAX_CONTEXT_LINES).map(clip),
      ctx: clip(f.contextLine!),
      post: (f.postContext ?? []).slice(0, MAX_CONTEXT_LINES).map(clip),
    };
    const key = `${entry.file}:${entry.line}:${entry.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
    if (out.length >= MAX_CONTEXT_FRAMES) break;
  }
  return out;
}

/**
 * Frames with the stored context put on where file and line (and column, when both have one) match:
 * the lines around it, and the line itself when the frame lacks it (a stored chain keeps each frame's
 * own line, unclipped); a frame without a stored entry keeps what it has.
 */
export function withSourceContext(frames: Frame[], stored: unknown): Frame[] {
  if (!Array.isArray(stored) || stored.length === 0) return frames;
  const entries = stored.filter(isEntry);
  return frames.map((frame) => {
    if (frame.lineno === undefined) return frame;
    const file = frame.filename ?? frame.absPath;
    const entry = entries.find((e) => (e.file === frame.filename || e.file === frame.absPath || e.file === file) && e.line === frame.lineno && (e.col === null || frame.colno === undefined || e.col === frame.colno));
    return entry ? { ...frame, preContext: entry.pre, contextLine: frame.contextLine ?? entry.ctx, postContext: entry.post } : frame;
  });
}

function isEntry(value: unknown): value is StoredSourceContext {
  if (!value || typeof value !== "object") return false;
  const e = value as Record<string, unknown>;
  return typeof e.file === "string" && typeof e.line === "number" && typeof e.ctx === "string" && Array.isArray(e.pre) && Array.isArray(e.post);
}

export function withoutContext(frame: Frame): Frame {
  const { preContext: _pre, contextLine: _line, postContext: _post, ...rest } = frame;
  void [_pre, _line, _post];
  return rest;
}
