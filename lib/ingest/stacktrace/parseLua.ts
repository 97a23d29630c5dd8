import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { innermostFirstLines } from "@/lib/ingest/stacktrace/limits";
import { isDigits, pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * Lua tracebacks (debug.traceback, the standalone interpreter, LuaJIT, OpenResty's error log), innermost first:
 *   lua: app/handler.lua:42: attempt to index a nil value (local 'user')
 *   stack traceback:
 *           [C]: in function 'error'
 *           app/handler.lua:42: in function 'process'      (5.1–5.3; 5.4 names how the function was reached:
 *           app/handler.lua:30: in method 'run'              "local", "upvalue", "field", "method", "metamethod",
 *           app/router.lua:17: in upvalue 'dispatch'         or a global's qualified name "function 'mod.fn'")
 *           app/router.lua:9: in function <app/router.lua:5> (an anonymous function, defined at line 5)
 *           content_by_lua(nginx.conf:42):3: in main chunk   (OpenResty's inline code; `[string "…"]` for load();
 *                                                            nginx adds ", client: …, server: …" to the last line)
 *           (...tail calls...)
 *           [C]: in ?                                        (5.1: "[C]: ?"; LuaJIT: "[C]: at 0x7f3a…")
 * A frame is the function running at its location: its name when Lua knows one, none for an anonymous
 * function, "main chunk" for a file's top level. C frames keep the location "[C]" (library code).
 */
export function parseLua(text: string): Frame[] | null {
  const frames = innermostFirstLines(text, parseFrameLine);
  // "[C]: in function 'error'" alone is too weak a signal: a traceback has a Lua frame with a line.
  return frames?.some((f) => f.lineno !== undefined) ? frames : null;
}

/**
 * What follows "location: ": "in <kind> 'name'", "in function <file:line>", "in main chunk", "in ?"
 * (5.2+), "?" (5.1's C functions and tail calls), "at 0x…" (LuaJIT's unnamed C functions).
 */
const DESCRIPTION =
  /^(?:in (?:(function|local|global|method|field|upvalue|metamethod|for iterator|hook|constant) '([^']{0,512})'|function <[^<>]{1,2048}>|(main chunk)|\?)|\?|at 0x[0-9a-f]{1,16})$/;
/** Locations without a source file: C functions, LuaJIT's fast functions ("[builtin#19]"). */
const BUILTIN = /^\[(?:C|builtin#\d{1,4})\]$/;

function parseFrameLine(text: string): Frame | null {
  // nginx ends an error-log entry, so the last frame's line, with the request: ", client: 10.0.0.7, server: …".
  const request = text.indexOf(", client: ");
  const line = request > 0 ? text.slice(0, request) : text;
  // A chunk loaded from a string is named by its first line, which may hold ": ": `[string "x = f(): 1"]:3: in …`.
  let chunkEnd = 0;
  if (line.startsWith('[string "')) {
    const close = line.indexOf('"]', 9);
    if (close < 0) return null;
    chunkEnd = close + 2;
  }
  const sep = line.indexOf(": ", chunkEnd);
  if (sep <= 0) return null;
  const description = DESCRIPTION.exec(line.slice(sep + 2));
  if (!description) return null;

  const where = line.slice(0, sep);
  const colon = where.lastIndexOf(":");
  const hasLine = colon > 0 && colon >= chunkEnd && isDigits(where.slice(colon + 1));
  const path = hasLine ? where.slice(0, colon) : where;
  if (!path || (chunkEnd === 0 && /\s/.test(path))) return null;
  // Only C functions (and Lua functions of a chunk without line information) have no line.
  if (!hasLine && !BUILTIN.test(path) && !path.endsWith(".lua")) return null;

  const [, kind, name, mainChunk] = description;
  const fn = mainChunk ?? functionName(kind, name);
  if (!fn && !hasLine) return null; // "[C]: in ?": nothing to show
  return { ...(fn ? { function: fn } : {}), ...pathFields(path), ...(hasLine ? { lineno: Number(where.slice(colon + 1)) } : {}) };
}

/** Lua 5.4 prints a metamethod by its event ("metamethod 'index'"): the function is the metatable's "__index". */
function functionName(kind: string | undefined, name: string | undefined): string | undefined {
  if (!kind || !name || name === "?") return undefined;
  return kind === "metamethod" ? `__${name}` : name;
}
