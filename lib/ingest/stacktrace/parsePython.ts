import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, capOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields } from "@/lib/ingest/stacktrace/location";
import { GROUP_HEADER, withoutGroupMargin } from "@/lib/ingest/stacktrace/pythonGroupMargin";

/**
 * CPython tracebacks, already printed outermost first:
 *   Traceback (most recent call last):
 *     File "/app/app.py", line 12, in <module>
 *       main()
 *     File "/app/app.py", line 8, in main
 *       raise KeyError(user_id)
 *   KeyError: 'u_123'
 * With chained exceptions ("During handling of the above exception..." / "The above
 * exception was the direct cause..."), the last traceback is the exception that
 * actually propagated and whose type the event reports, so that one wins. Without any "File" line,
 * a pytest failure report is read (pytestFrames).
 */
/** Loguru marks the frame where the exception was caught: `> File "/app/jobs.py", line 22, in run`. */
export const LOGURU_CATCH_POINT = /^> (?=File ")/;

export function parsePython(text: string): Frame[] | null {
  let frames: Frame[] = [];
  let last: Frame | null = null;
  // An exception group's boxed lines are read without their margins (pythonGroupMargin.ts).
  const boxed = GROUP_HEADER.test(text);
  for (const printed of splitLines(text)) {
    const raw = boxed ? withoutGroupMargin(printed) : printed;
    const line = raw.trim().replace(LOGURU_CATCH_POINT, "");
    if (line.startsWith("Traceback (most recent call last)")) {
      frames = [];
      last = null;
      continue;
    }
    if (line.startsWith('File "')) {
      last = parseFileLine(line);
      if (last) frames.push(last);
      continue;
    }
    // The first indented source line after a File line is the code that ran there.
    if (last && !last.contextLine && raw.startsWith("    ") && line && !isCaretLine(line)) {
      last.contextLine = line;
      continue;
    }
    last = null;
  }
  if (frames.length > 0) return capOrdered(frames);
  return capOrdered(text.includes("(most recent call first):") ? faulthandlerFrames(text) : pytestFrames(text));
}

/**
 * faulthandler's dump (a segfault in an extension, `faulthandler.dump_traceback`), most recent call
 * first, one thread after another:
 *   Fatal Python error: Segmentation fault
 *
 *   Current thread 0x00007f5a8c9b4740 (most recent call first):
 *     File "/app/native.py", line 8 in crash
 *     File "/app/main.py", line 20 in <module>
 * The current thread is read (or the only stack), returned outermost first.
 */
function faulthandlerFrames(text: string): Frame[] {
  const lines = splitLines(text);
  const current = lines.findIndex((line) => FAULTHANDLER_CURRENT.test(line.trim()));
  const start = current >= 0 ? current : lines.findIndex((line) => FAULTHANDLER_STACK.test(line.trim()));
  if (start < 0) return [];
  const frames: Frame[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = FAULTHANDLER_FRAME.exec(line.trim());
    if (!m) break;
    frames.push({ ...(m[3] ? { function: m[3] } : {}), ...pathFields(m[1]), ...(m[2] === "???" ? {} : { lineno: Number(m[2]) }) });
    if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
  }
  return frames.reverse();
}

const FAULTHANDLER_CURRENT = /^Current thread 0x[0-9a-f]{1,16}(?: \[[^\]\n]{0,256}\])? \(most recent call first\):$/;
const FAULTHANDLER_STACK = /^(?:Thread 0x[0-9a-f]{1,16}(?: \[[^\]\n]{0,256}\])? |Stack )\(most recent call first\):$/;
/** `File "/app/main.py", line 20 in <module>` (no comma before "in"); "line ???" when unknown. */
const FAULTHANDLER_FRAME = /^File "([^"]{1,4096})", line (\d{1,9}|\?\?\?)(?: in (\S.{0,1023}))?$/;

/**
 * pytest's failure report (no "Traceback" header), outermost first. `--tb=short`: "app/config.py:27:
 * in load_config" then the source line; `--tb=long` (the default): each section shows its function's
 * source ("    def apply_discount(self, code):", the failing line marked ">"), then its location,
 * "shop/cart.py:42: AttributeError" for the innermost.
 */
function pytestFrames(text: string): Frame[] {
  const frames: Frame[] = [];
  let def: string | undefined;
  let marked: string | undefined;
  let last: Frame | null = null;
  for (const raw of splitLines(text)) {
    const location = PYTEST_LOCATION.exec(raw);
    if (location) {
      const fn = location[3] ?? def;
      last = { ...(fn ? { function: fn } : {}), ...pathFields(location[1]), lineno: Number(location[2]), ...(marked ? { contextLine: marked } : {}) };
      frames.push(last);
      def = undefined;
      marked = undefined;
      continue;
    }
    const defined = PYTEST_DEF.exec(raw);
    if (defined) def = defined[1];
    else if (raw.startsWith(">")) marked = raw.slice(1).trim();
    else if (last && !last.contextLine && raw.startsWith("    ") && raw.trim() !== "") last.contextLine = raw.trim();
    if (!raw.startsWith("    ")) last = null;
  }
  return frames;
}

const PYTEST_LOCATION = /^([^\s:][^\s:]{0,1023}\.py):(\d{1,9}):(?: in (\S{1,512})| [A-Za-z_][\w.]{0,255})? ?$/;
const PYTEST_DEF = /^\s{0,64}(?:async )?def (\w{1,256})\(/;

/** `File "/app/app.py", line 12, in main` (the ", in ..." part is missing for some frames). */
const FILE_LINE = /^File "([^"]+)", line (\d{1,9})(?:, in (.+))?$/;

function parseFileLine(line: string): Frame | null {
  const m = FILE_LINE.exec(line);
  if (!m) return null;
  const fn = m[3]?.trim();
  return { ...(fn ? { function: fn } : {}), ...pathFields(m[1]), lineno: Number(m[2]) };
}

/** Python 3.11+ underlines the failing expression with ^ and ~ characters. */
function isCaretLine(line: string): boolean {
  return /^[\^~\s]+$/.test(line);
}
