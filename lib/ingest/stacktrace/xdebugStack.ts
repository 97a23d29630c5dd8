import { isDigits, pathFields } from "@/lib/ingest/stacktrace/location";
import { MAX_FRAMES } from "@/lib/ingest/stacktrace/limits";

/**
 * Xdebug's stack, outermost call first, as the CLI and the error log print it (html_errors off):
 *   PHP Stack trace:
 *   PHP   1. {main}() /var/www/public/index.php:0
 *   PHP   2. App\Kernel->handle($request = class Symfony\Component\HttpFoundation\Request { … }) /var/www/public/index.php:20
 * and as the "Call Stack:" table on standard output (time, memory, number, call, where it was called):
 *   Call Stack:
 *       0.0001     393352   1. {main}() /var/www/public/index.php:0
 *       0.0004     401544   2. App\Kernel->handle($request = …) /var/www/public/index.php:20
 * Each line names a function and where it was *called from*: the function running at a line's location
 * is the previous line's. Only the first stack is read (a second "1." starts another error's).
 */
export interface XdebugCall {
  /** "{main}", "App\Kernel->handle", "{closure:/var/www/src/Report.php:26-30}" — without the arguments. */
  call: string;
  /** Where it was called from ("{main}": the script itself, line 0). */
  at: { filename?: string; absPath?: string; lineno: number };
}

const LOG_LINE = /^PHP\s{1,8}(\d{1,4})\. (\S.*)$/;
const TABLE_LINE = /^\d{1,9}\.\d{1,9}\s{1,16}\d{1,16}\s{1,16}(\d{1,4})\. (\S.*)$/;

/** The calls of the first Xdebug stack among `lines` (trimmed), outermost first; [] when there is none. */
export function readXdebugCalls(lines: readonly string[]): XdebugCall[] {
  const calls: XdebugCall[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const m = line.length <= 4096 ? (LOG_LINE.exec(line) ?? TABLE_LINE.exec(line)) : null;
    if (!m) continue;
    const number = Number(m[1]);
    if (number !== calls.length + 1) {
      if (calls.length > 0) break;
      continue;
    }
    const call = parseCall(m[2]);
    if (!call) break;
    calls.push(call);
    if (calls.length >= MAX_FRAMES) break;
  }
  return calls;
}

/** "App\Service->run($id = 42) /var/www/src/Service.php:12": the name up to its argument list, the location after the last space. */
function parseCall(text: string): XdebugCall | null {
  const space = text.lastIndexOf(" ");
  if (space <= 0) return null;
  const where = text.slice(space + 1);
  const colon = where.lastIndexOf(":");
  if (colon <= 0 || !isDigits(where.slice(colon + 1))) return null;
  const call = nameOf(text.slice(0, space));
  if (!call) return null;
  return { call, at: { ...pathFields(where.slice(0, colon)), lineno: Number(where.slice(colon + 1)) } };
}

/** The call without its arguments: up to the first "(" outside braces ("{closure:/x.php:3-5}" holds none, but may hold ":"). */
function nameOf(call: string): string {
  let depth = 0;
  for (let i = 0; i < call.length; i++) {
    const c = call[i];
    if (c === "{") depth++;
    else if (c === "}") depth = Math.max(0, depth - 1);
    else if (c === "(" && depth === 0) return /\s/.test(call.slice(0, i)) ? "" : call.slice(0, i);
  }
  return "";
}
