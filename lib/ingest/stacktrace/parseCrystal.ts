import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { MAX_FRAMES, innermostFirstToOrdered, splitLines } from "@/lib/ingest/stacktrace/limits";
import { pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * Crystal's uncaught exceptions (Exception#inspect_with_backtrace), innermost first:
 *   Unhandled exception: Index out of bounds (IndexError)
 *     from /usr/share/crystal/src/indexable.cr:104:7 in '[]'
 *     from src/app.cr:5:3 in 'handler'
 *     from src/app.cr:10:1 in '__crystal_main'
 *     from /usr/share/crystal/src/crystal/main.cr:129:5 in 'main_user_code'
 *     from /lib/x86_64-linux-gnu/libc.so.6 in '__libc_start_main'
 *     from ???
 * Older versions print "from …" unindented; CRYSTAL_CALLSTACK_FULL_INFO=1 adds " at 0x55d1c0a1b2c3";
 * Exception#backtrace, logged alone, has no "from ". A frame in a binary without debug information
 * ("from /lib/…/libc.so.6 in '…'", only after "from ") is located by the binary; "???" is skipped.
 * Unlike Ruby's "path:line:in 'name'", Crystal prints a column and a space before "in". Only the
 * first trace is read: "Caused by: …" opens the cause's.
 */
export function parseCrystal(text: string): Frame[] | null {
  const frames: Frame[] = [];
  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (frames.length > 0 && line.startsWith("Caused by: ")) break;
    const frame = parseFrameLine(line);
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break;
  }
  return innermostFirstToOrdered(frames);
}

/** CRYSTAL_CALLSTACK_FULL_INFO's address after the function. */
const ADDRESS = / at 0x[0-9a-f]{1,16}$/;

/** "from src/app.cr:5:3 in 'handler'", "src/app.cr:5:3 in 'handler'", "from /lib/libc.so.6 in '__libc_start_main'". */
function parseFrameLine(line: string): Frame | null {
  const from = line.startsWith("from ");
  const text = (from ? line.slice(5) : line).replace(ADDRESS, "");
  if (!text.endsWith("'")) return null;
  const marker = text.indexOf(" in '");
  if (marker <= 0 || marker + 5 > text.length - 1) return null;
  const name = text.slice(marker + 5, -1);
  const location = text.slice(0, marker);
  const fn = name && name !== "???" ? { function: name } : {};
  const where = splitLocation(location, true);
  if (where?.path && !/\s/.test(where.path)) return { ...fn, ...pathFields(where.path), lineno: where.lineno, colno: where.colno };
  // A binary without debug information: only after "from ", and only a path.
  if (!from || !name || /\s|:\d{1,9}$/.test(location) || !/[/\\.]/.test(location)) return null;
  return { ...fn, ...pathFields(location) };
}
