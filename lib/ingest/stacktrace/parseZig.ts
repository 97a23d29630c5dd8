import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * Zig's stack traces (a panic's, a segfault's, std.debug.dumpStackTrace) and error return traces
 * (`main` returning an error), innermost first, each frame followed by its source line and a caret:
 *   thread 12345 panic: index out of bounds: index 10, len 3
 *   /home/dev/app/src/main.zig:5:18: 0x1034e5a in handler (app)
 *       return items[i];
 *                    ^
 *   /home/dev/app/src/main.zig:10:19: 0x1034f2b in main (app)
 *   /usr/lib/zig/std/start.zig:514:22: 0x1033a19 in posixCallMainAndExit (app)
 *   ???:?:?: 0x7f3a1c2b in ??? (libc.so.6)
 * An error return trace starts "error: FileNotFound" and prints its frames alike. The function is
 * kept as printed; the binary in parentheses and the address (both differ between builds) are left
 * out, and frames Zig could not locate ("???:?:?") are skipped. The source line under a frame (when
 * a caret line follows it) is its contextLine.
 */
export function parseZig(text: string): Frame[] | null {
  const frames: Frame[] = [];
  let last: Frame | null = null;
  let source: string | null = null;
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    const frame = parseFrameLine(line);
    if (frame) {
      frames.push(frame);
      if (frames.length >= MAX_FRAMES) break;
      last = frame;
      source = null;
      continue;
    }
    // The line right under a frame is its source when a caret line follows it (a missing source file prints neither).
    if (last && source === null && line) source = line;
    else {
      if (last && source !== null && CARET.test(line)) last.contextLine = source;
      last = null;
    }
  }
  return innermostFirstToOrdered(frames);
}

const CARET = /^[~^]{1,4096}$/;

/** After the location: "0x1034e5a in handler (app)". */
const ADDRESS_IN = /^0x[0-9a-fA-F]{1,16} in /;

/** "/home/dev/app/src/main.zig:5:18: 0x1034e5a in handler (app)". */
function parseFrameLine(line: string): Frame | null {
  const marker = line.indexOf(": 0x");
  if (marker <= 0) return null;
  const rest = line.slice(marker + 2);
  const address = ADDRESS_IN.exec(rest);
  if (!address || !rest.endsWith(")")) return null;
  const symbol = rest.slice(address[0].length);
  const open = symbol.lastIndexOf(" (");
  if (open <= 0) return null;
  const where = splitLocation(line.slice(0, marker), true);
  if (!where?.path || /^\s|\s$/.test(where.path)) return null; // "???:?:?": nothing Zig could locate
  const name = symbol.slice(0, open);
  return { ...(name !== "???" ? { function: name } : {}), ...pathFields(where.path), lineno: where.lineno, colno: where.colno };
}
