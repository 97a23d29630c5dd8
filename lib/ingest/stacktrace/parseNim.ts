import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { capOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * Nim's tracebacks (an unhandled exception, getStackTrace, writeStackTrace), already printed
 * outermost first, the proc after its file and line (padded to a column):
 *   Traceback (most recent call last)
 *   /home/dev/app/main.nim(10) main
 *   /home/dev/app/main.nim(5) handler
 *   /usr/lib/nim/system/fatal.nim(53) sysFatal
 *   Error: unhandled exception: index 10 not in 0 .. 2 [IndexDefect]
 * With --excessiveStackTrace:off the file is printed without its directory ("fatal.nim(53)"); a
 * module's top-level code runs in a proc named after the module ("main"). Python's traceback opens
 * with the same header but lists `File "x.py", line 3, in f`. Only the first traceback is read: an
 * async one follows with "[[reraised from:" and "Async traceback:".
 */
export function parseNim(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (frames.length > 0 && (line.startsWith("[[reraised from:") || line.startsWith("Traceback ") || line.startsWith("Async traceback:"))) break;
    const frame = parseFrameLine(line);
    if (frame) frames.push(frame);
  }
  return capOrdered(frames);
}

/** "(10)" right after a ".nim" (".nims": NimScript) file, then the proc. */
const FILE_LINE = /\.nims?\((\d{1,9})\)/;
/** A proc as Nim prints it: "handler", "sysFatal", "[]", "==", "mainNimAsyncContinue". */
const PROC = /^\S{1,512}$/;

/** "/home/dev/app/main.nim(5) handler", "fatal.nim(53)            sysFatal". */
function parseFrameLine(line: string): Frame | null {
  const m = FILE_LINE.exec(line);
  if (!m || m.index === 0) return null;
  const end = m.index + m[0].length;
  const path = line.slice(0, m.index + m[0].indexOf("("));
  const proc = line.slice(end).trim();
  if (end < line.length && !/\s/.test(line[end])) return null;
  if (!PROC.test(proc) || !isPath(path)) return null;
  return { function: proc, ...pathFields(path), lineno: Number(m[1]) };
}

/** A file's path: no spaces unless absolute (a Windows user's folder), so prose ("see main.nim(3) x") is not one. */
function isPath(path: string): boolean {
  if (!/\s/.test(path)) return true;
  return /^(?:\/|[A-Za-z]:[\\/])/.test(path) && !/^\s|\s$/.test(path);
}
