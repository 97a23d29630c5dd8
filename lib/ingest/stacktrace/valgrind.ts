import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { basename, pathFields, splitLocation } from "@/lib/ingest/stacktrace/location";

/**
 * Valgrind's reports (Memcheck, Helgrind, DRD), every line prefixed with the process id:
 *   ==4711== Invalid read of size 4
 *   ==4711==    at 0x109186: Ring::pop() (ring.cpp:21)
 *   ==4711==    by 0x1091C4: worker(void*) (main.cpp:40)
 *   ==4711==    by 0x10916F: main (in /home/dev/ring/build/ring)
 *   ==4711==  Address 0x4a4c044 is 4 bytes after a block of size 16 alloc'd
 *   ==4711==    at 0x483B7F3: malloc (vg_replace_malloc.c:309)
 * The first stack is the error's ("at" starts it, each "by" is the caller); the block's allocation or
 * free stack after it starts with "at" again and is left out.
 */
const VALGRIND_FRAME = /^(?:==\d{1,10}==|--\d{1,10}--)?\s+(at|by) 0x[0-9A-Fa-f]{1,16}: (.{1,4096})$/;

/** One stack line: whether it starts a stack ("at") and its frame; null for any other line. */
export function parseValgrindFrame(line: string): { starts: boolean; frame: Frame } | null {
  const m = line.includes(" 0x") ? VALGRIND_FRAME.exec(line) : null;
  if (!m || !m[2].endsWith(")")) return null;
  const rest = m[2];
  const open = rest.lastIndexOf(" (");
  if (open < 0) return null;
  const name = rest.slice(0, open).trim();
  const where = rest.slice(open + 2, -1);
  const fn = name === "???" ? {} : { function: name };
  if (where.startsWith("in ")) return { starts: m[1] === "at", frame: { ...fn, module: basename(where.slice(3)) } };
  const location = splitLocation(where, false);
  if (!location?.path) return null;
  return { starts: m[1] === "at", frame: { ...fn, ...pathFields(location.path), lineno: location.lineno } };
}

const VALGRIND_PREFIX = /^(?:==\d{1,10}==|--\d{1,10}--) ?/;
const LEAK = /^[\d,]{1,20} (?:\([^()]{0,64}\) )?bytes in [\d,]{1,20} blocks are (definitely|indirectly|possibly) lost\b/;

/**
 * The error a Valgrind report is about: the line right above its first stack ("Invalid read of size
 * 4", "Conditional jump or move depends on uninitialised value(s)", "40 bytes in 1 blocks are
 * definitely lost in loss record 1 of 2"). The type leaves out what differs between occurrences
 * (sizes, addresses, counts): "Invalid read", "Memory leak (definitely lost)"; the message is the line,
 * with where an invalid access landed when the report says ("… : Address 0x… is 4 bytes after a block").
 */
export function valgrindHeader(lines: readonly string[]): { type: string; message: string } | undefined {
  const first = lines.findIndex((line) => parseValgrindFrame(line)?.starts === true);
  if (first <= 0 || !VALGRIND_PREFIX.test(lines[first])) return undefined;
  const header = lines[first - 1].replace(VALGRIND_PREFIX, "").trim();
  if (!header) return undefined;
  const leak = LEAK.exec(header);
  if (leak) return { type: `Memory leak (${leak[1]} lost)`, message: header };
  const type = header
    .replace(/ of size \d{1,12}$/, "")
    .replace(/ ?\([^()]*\d[^()]*\)$/, "")
    .replace(/ (?:at )?0x[0-9A-Fa-f]{1,16}\b.*$/, "")
    .trim();
  // Where an invalid access landed ("Address 0x4a4c044 is 4 bytes after a block of size 16 alloc'd")
  // says more than the header the type repeats.
  const address = lines
    .slice(first + 1, first + 1 + 64)
    .map((line) => line.replace(VALGRIND_PREFIX, "").trim())
    .find((line) => line.startsWith("Address 0x"));
  return { type: type.slice(0, 128) || header.slice(0, 128), message: address ? `${header}: ${address}` : header };
}
