import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { isDigits, pathFields } from "@/lib/ingest/stacktrace/location";
import { parsePhpErrorLine } from "@/lib/ingest/stacktrace/phpErrorLine";
import { readXdebugCalls, type XdebugCall } from "@/lib/ingest/stacktrace/xdebugStack";

/**
 * PHP traces (Exception::getTraceAsString(), uncaught-exception output):
 *   PHP Fatal error:  Uncaught RuntimeException: boom in /var/www/app/src/Service.php:42
 *   Stack trace:
 *   #0 /var/www/app/src/Controller.php(12): App\Service->run(Array)
 *   #1 [internal function]: App\Controller->index()
 *   #2 {main}
 *     thrown in /var/www/app/src/Service.php on line 42
 * Each "#n file(line): call()" line names the function *called* at that location, so
 * the function running at file(line) is the next line's call. Frames are re-paired so
 * every frame has its own function and location; the throw site comes from the header
 * or "thrown in" line when present. Without such lines, Xdebug's stack (xdebugStack.ts) is read,
 * paired the same way, the error's "… in /x.php on line 42" its throw site.
 */
export function parsePhp(text: string): Frame[] | null {
  const calls: Array<{ call: string; at: Location }> = [];
  let throwSite: Location = {};
  let sawMain = false;
  const lines = splitLines(text);
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith("#")) {
      sawMain ||= MAIN.test(line);
      // A second "#0" starts another exception's trace (Monolog's "[previous exception]"): this one ended.
      if (calls.length > 0 && line.startsWith("#0 ")) break;
      const entry = parseTraceLine(line);
      if (entry && calls.length < MAX_FRAMES) calls.push(entry);
      continue;
    }
    throwSite = parseThrowSite(line) ?? throwSite;
  }
  // Thrown by the top-level script itself ("#0 {main}" alone): the throw site is the only frame.
  if (calls.length === 0 && sawMain) return throwSite.filename ? [{ ...throwSite }] : null;
  if (calls.length === 0) return fromXdebug(readXdebugCalls(lines), throwSite);

  // Innermost first: calls[0].call ran at the throw site; calls[i].call ran at calls[i-1].at.
  const frames: Frame[] = calls.map(({ call }, i) => ({ ...splitCall(call), ...(i === 0 ? throwSite : calls[i - 1].at) }));
  frames.push({ ...calls[calls.length - 1].at }); // top-level script ("{main}")
  return innermostFirstToOrdered(frames.filter((f) => f.function || f.filename));
}

const MAIN = /^#\d+ \{main\}$/;

/** Xdebug's calls, outermost first: each ran where the next was called from; the innermost at the throw site. "{main}" is the script's top level, unnamed as above. */
function fromXdebug(calls: XdebugCall[], throwSite: Location): Frame[] | null {
  if (calls.length === 0) return null;
  return calls.map(({ call }, i) => {
    const at: Location = calls[i + 1]?.at ?? throwSite;
    return call === "{main}" ? { ...at } : { ...splitCall(call), ...at };
  });
}

type Location = Pick<Frame, "filename" | "absPath" | "lineno">;

/** "#0 /path/file.php(12): App\Foo->bar(...)", "#1 [internal function]: f()", "#2 {main}". */
function parseTraceLine(line: string): { call: string; at: Location } | null {
  const space = line.indexOf(" ");
  if (space < 2 || !isDigits(line.slice(1, space))) return null;
  const rest = line.slice(space + 1);
  if (rest === "{main}") return null;
  const sep = rest.indexOf(": ");
  if (sep <= 0) return null;
  const where = rest.slice(0, sep);
  const call = rest.slice(sep + 2);
  if (where === "[internal function]") return { call, at: {} };
  const open = where.lastIndexOf("(");
  if (open <= 0 || !where.endsWith(")") || !isDigits(where.slice(open + 1, -1))) return null;
  return { call, at: { ...pathFields(where.slice(0, open)), lineno: Number(where.slice(open + 1, -1)) } };
}

/**
 * "App\Service->run(Array)" -> module "App\Service", function "run"; "{closure}" stays a function, and so
 * does PHP 8.4's "{closure:App\Report::build():26}", whose "::" and "(" are inside its braces.
 */
function splitCall(call: string): Pick<Frame, "module" | "function"> {
  const open = indexOutsideBraces(call, (i) => call[i] === "(" && i > 0);
  const name = open > 0 ? call.slice(0, open) : call;
  let arrow = -1;
  indexOutsideBraces(name, (i) => {
    if (i > 0 && (name.startsWith("->", i) || name.startsWith("::", i))) arrow = i;
    return false;
  });
  if (arrow > 0) return { module: name.slice(0, arrow), function: name.slice(arrow + 2) };
  return { function: name };
}

/** The first index outside "{…}" for which `test` holds, or -1. */
function indexOutsideBraces(text: string, test: (i: number) => boolean): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && test(i)) return i;
  }
  return -1;
}

const THROWN_IN = /^thrown in (.+) on line (\d{1,9})$/;

/** "thrown in /x.php on line 42", "...Uncaught X: msg in /x.php:42" or "PHP Warning:  msg in /x.php on line 42". */
function parseThrowSite(line: string): Location | null {
  const thrown = THROWN_IN.exec(line);
  if (thrown) return { ...pathFields(thrown[1]), lineno: Number(thrown[2]) };
  const error = parsePhpErrorLine(line);
  if (error) return { ...pathFields(error.path), lineno: error.lineno };
  const inAt = line.lastIndexOf(" in ");
  if (inAt < 0 || !line.includes("Uncaught ")) return null;
  const loc = line.slice(inAt + 4);
  const colon = loc.lastIndexOf(":");
  if (colon <= 0 || !isDigits(loc.slice(colon + 1))) return null;
  return { ...pathFields(loc.slice(0, colon)), lineno: Number(loc.slice(colon + 1)) };
}
