import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { capOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
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
export function parsePython(text: string): Frame[] | null {
  let frames: Frame[] = [];
  let last: Frame | null = null;
  // An exception group's boxed lines are read without their margins (pythonGroupMargin.ts).
  const boxed = GROUP_HEADER.test(text);
  for (const printed of splitLines(text)) {
    const raw = boxed ? withoutGroupMargin(printed) : printed;
    const line = raw.trim();
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
  return capOrdered(frames.length > 0 ? frames : pytestFrames(text));
}

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
