import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * Perl's die / Carp::confess (croak and cluck with a stack, $SIG{__DIE__} = \&Carp::confess) and
 * Devel::StackTrace output, innermost first:
 *   Can't locate object method "save" via package "Order" at lib/Shop/Checkout.pm line 88.
 *    at lib/Shop/Checkout.pm line 88.
 *   	Shop::Checkout::finish(Shop::Checkout=HASH(0x55d0c8), 42) called at lib/Shop/Web.pm line 120
 *   	Shop::Web::post_checkout(Shop::Web=HASH(0x55d1a0)) called at script/app.pl line 15
 *   	eval {...} called at script/app.pl line 14
 * Devel::StackTrace starts with "Trace begun at lib/Foo.pm line 10" and indents nothing.
 * Each "Pkg::sub(args) called at file line N" names the sub *called* at that location, so the sub
 * running at file line N is the next line's: frames are re-paired (as parsePhp does), the innermost
 * sub at the last "… at file line N." before the calls (where it died), the outermost location the
 * script's top level (no sub). A plain die line ("boom at lib/X.pm line 3.") alone is one frame.
 */
export function parsePerl(text: string): Frame[] | null {
  const calls: Call[] = [];
  let diedAt: Location | null = null;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    const call = parseCalledAt(line);
    if (call) {
      if (calls.length < MAX_FRAMES) calls.push(call);
      continue;
    }
    const died = parseDiedAt(line);
    if (died && calls.length > 0) break; // another trace (a second confess in the same log)
    if (died) diedAt = died;
  }
  if (calls.length === 0) return diedAt ? [{ ...diedAt }] : null;
  // Innermost first: calls[0].sub ran where it died; calls[i].sub ran at calls[i - 1].at.
  const frames: Frame[] = calls.map(({ sub }, i) => ({ ...sub, ...(i === 0 ? (diedAt ?? {}) : calls[i - 1].at) }));
  frames.push({ ...calls[calls.length - 1].at }); // the script's top level
  return innermostFirstToOrdered(frames);
}

type Location = Pick<Frame, "filename" | "absPath" | "lineno">;
type Call = { sub: Pick<Frame, "function" | "module">; at: Location };

/**
 * "lib/X.pm line 12" — a file (code compiled by a string eval is "(eval 42)", with the debugger
 * "(eval 42)[lib/X.pm:10]"), its line, with threads " thread 2".
 */
const FILE_LINE = String.raw`(\(eval \d{1,9}\)(?:\[[^\]]{1,2048}\])?|\S{1,2048}) line (\d{1,9})(?: thread \d{1,9})?`;
/** The end of a call line, after the sub and its arguments: " called at lib/X.pm line 12". */
const CALLED_AT = new RegExp(`^ called at ${FILE_LINE}$`);
/** The end of a die/warn message: "at lib/X.pm line 12." and the last filehandle read perl may add (", <STDIN> line 3."). */
const DIED_AT = new RegExp(`^${FILE_LINE}(?:, <[^<>]{0,256}> (?:line|chunk) \\d{1,9})?\\.?$`);

/** Whether a (trimmed) line is a call of Carp's or Devel::StackTrace's stack: "Pkg::sub(args) called at lib/X.pm line 12". */
export function isPerlCallLine(line: string): boolean {
  return parseCalledAt(line) !== null;
}

function parseCalledAt(line: string): Call | null {
  const marker = line.lastIndexOf(" called at ");
  if (marker <= 0) return null;
  const m = CALLED_AT.exec(line.slice(marker));
  if (!m) return null;
  return { sub: splitSub(line.slice(0, marker)), at: location(m[1], m[2]) };
}

function parseDiedAt(line: string): Location | null {
  return splitDieLine(line)?.at ?? null;
}

/**
 * A (trimmed) die/warn line that ends with where it died ("Can't locate … at lib/X.pm line 12.",
 * " at lib/X.pm line 12." alone as confess repeats it): the message before " at …" and the location;
 * null when the line does not end so.
 */
export function splitDieLine(line: string): { message: string; at: Location } | null {
  // A compile error quotes the code it stopped at, which may hold " at ": ', near "look at me"'.
  const near = line.indexOf(', near "');
  const text = near > 0 ? line.slice(0, near) : line;
  const marker = text.lastIndexOf(" at ");
  if (marker < 0 && !text.startsWith("at ")) return null;
  const m = DIED_AT.exec(text.slice(marker < 0 ? 3 : marker + 4));
  if (!m || !looksLikeScript(m[1])) return null;
  return { message: marker < 0 ? "" : text.slice(0, marker), at: location(m[1], m[2]) };
}

/** A file perl ran: a path ("lib/X.pm", "script/app", "/usr/bin/tool"), "-e" code or a string eval. */
function looksLikeScript(path: string): boolean {
  return path === "-e" || path === "-" || path.startsWith("(eval ") || /[/.]/.test(path);
}

function location(path: string, line: string): Location {
  return { ...pathFields(path), lineno: Number(line) };
}

/** "Shop::Checkout::finish" (optionally "::__ANON__[lib/X.pm:42]" under the debugger), old-style "main'foo". */
const SUB_NAME = /^[A-Za-z_][\w']{0,255}(?:::[\w']{1,255}){0,32}(?:\[[^\]]{1,2048}\])?$/;

/**
 * "Shop::Checkout::finish(Shop::Checkout=HASH(0x55d0c8), 42)" → module "Shop::Checkout", function
 * "finish"; "eval {...}", "eval '…'" (a string eval, its code left out) and "require Foo/Bar.pm" stay
 * whole. Anything else (a name Carp could not resolve) leaves the frame unnamed.
 */
function splitSub(text: string): Pick<Frame, "function" | "module"> {
  if (text === "eval {...}") return { function: text };
  if (text.startsWith("eval '")) return { function: "eval '...'" };
  if (/^require \S{1,1024}$/.test(text)) return { function: text };
  const open = text.indexOf("(");
  const name = open < 0 ? text : text.slice(0, open);
  if ((open >= 0 && !text.endsWith(")")) || !SUB_NAME.test(name)) return {};
  const bracket = name.indexOf("[");
  const bare = bracket < 0 ? name : name.slice(0, bracket);
  const sep = bare.lastIndexOf("::");
  if (sep <= 0) return { function: name };
  return { module: bare.slice(0, sep), function: name.slice(sep + 2) };
}
