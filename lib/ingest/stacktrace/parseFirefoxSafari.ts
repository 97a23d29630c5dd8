import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { isAbsolutePath, pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * Firefox (SpiderMonkey) and Safari (JavaScriptCore) stacks, innermost first:
 *   getUser@https://app.example.com/static/main.3f2a9c1b.js:1:2345
 *   async*handler@https://app.example.com/static/main.js:10:5   (Firefox async boundary)
 *   @https://app.example.com/index.js:3:1                       (anonymous)
 *   global code@https://app.example.com/index.js:100:3          (Safari top level)
 *   map@[native code]
 *   https://app.example.com/index.js:5:10                       (Safari anonymous)
 */
export function parseFirefoxSafari(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const frame = parseFrameLine(raw.trim());
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break; // innermost come first; the rest would be dropped
  }
  return innermostFirstToOrdered(frames);
}

/** Firefox's async cause before a frame's function ("promise callback*", "setTimeout handler*", "EventListener.handleEvent*"): an await boundary like "async*". */
const FIREFOX_ASYNC_CAUSE = /^[A-Za-z][\w.]{0,63}(?: [\w.]{1,63}){0,3}\*(?=\S)/;

/** Safari names for code outside any function; they contain a space, unlike real names. */
const SAFARI_MARKERS = new Set(["global code", "eval code", "module code"]);

function parseFrameLine(line: string): Frame | null {
  if (!line) return null;
  const at = line.indexOf("@");
  // An "@" inside a URL (user@host) is not a function separator.
  if (at < 0 || line.slice(0, at).includes("://")) return parseBareLocation(line);

  // Firefox names what an async part of the stack waited on: "promise callback*f", "setTimeout handler*f".
  const fn = line.slice(0, at).replace(FIREFOX_ASYNC_CAUSE, "async*");
  // Whitespace means this is a message line ("Error: mail bob@x.com:25"), not a frame.
  if (/\s/.test(fn) && !SAFARI_MARKERS.has(fn)) return null;
  // "async*f" stays: it marks an await boundary, which grouping needs (lib/grouping/frames).
  const fnField = fn ? { function: fn } : {};

  let loc = line.slice(at + 1);
  if (loc === "[native code]") return fn ? fnField : null;
  // Firefox eval: "https://x/app.js line 2 > eval:1:5" -> attribute to the evaluating file.
  const evalMark = loc.indexOf(" line ");
  if (evalMark > 0 && loc.includes(" > ")) loc = `${loc.slice(0, evalMark)}:0:0`;

  const where = splitLocation(loc, false);
  if (!where || !where.path || /\s/.test(where.path)) return null;
  return { ...fnField, ...pathFields(where.path), lineno: where.lineno || undefined, colno: where.colno || undefined };
}

/** Safari prints anonymous frames as just "url:line:col". */
function parseBareLocation(line: string): Frame | null {
  const where = splitLocation(line, true);
  if (!where || /\s/.test(where.path) || !isAbsolutePath(where.path)) return null;
  return { ...pathFields(where.path), lineno: where.lineno, colno: where.colno };
}
