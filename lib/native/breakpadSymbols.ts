import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { replaceUnstorableText } from "@/lib/text/replaceUnstorable";

/**
 * A Breakpad symbol file (`.sym`, written by dump_syms from an ELF, Mach-O or PDB's debug
 * information), indexed for symbolication: which function, source file and line an address of the
 * binary is in, the functions the compiler inlined there included.
 *
 *   MODULE Linux x86_64 3E5A0E68D4BE8E6F2F011BF9C5C8F5B30 harbor
 *   FILE 0 /src/harbor/dock.cc
 *   INLINE_ORIGIN 0 std::vector<int>::operator[](unsigned long)
 *   FUNC 1a40 5c 0 Dock::Berth(int)            address, size, parameter size (hex), name
 *   INLINE 0 42 0 0 1a52 8                     depth, call line, call file, origin, ranges (hex)
 *   1a40 12 40 0                               address, size (hex), line, file
 *   PUBLIC 1b00 0 _start                       a symbol without line information
 *
 * STACK records (unwind information) are skipped: events arrive with their stacks walked. Pure.
 */

export interface BreakpadModule {
  os: string;
  arch: string;
  /** The debug ID as Sentry writes it (nativeDebugId). */
  debugId: string;
  name: string;
}

/** A function an address is in: its name, and the source file and line when the file has them. */
export interface SymbolicatedFrame {
  function: string;
  file?: string;
  line?: number;
}

export class BreakpadSymbolsError extends Error {}

interface Inline {
  depth: number;
  callLine: number;
  callFile: number;
  origin: number;
  ranges: [number, number][];
}

interface Func {
  address: number;
  size: number;
  name: string;
  /** Index of its first line record, and one past its last. */
  linesFrom: number;
  linesTo: number;
  inlines?: Inline[];
}

/** Lines of a file read; more is not a symbol file this reader keeps in memory. */
const MAX_RECORDS = 20_000_000;

export class BreakpadSymbols {
  readonly module: BreakpadModule;
  private readonly files = new Map<number, string>();
  private readonly origins = new Map<number, string>();
  private readonly funcs: Func[] = [];
  private readonly publics: { address: number; name: string }[] = [];
  // Line records in columns (a large binary has millions): address and size, line and file.
  private readonly lineAddress = new Column(Float64Array);
  private readonly lineSize = new Column(Float64Array);
  private readonly lineNumber = new Column(Int32Array);
  private readonly lineFile = new Column(Int32Array);

  /** Indexes `text`; throws BreakpadSymbolsError when it does not start with a MODULE record. */
  constructor(text: string) {
    let start = 0;
    let current: Func | undefined;
    let header: BreakpadModule | undefined;
    let records = 0;
    while (start < text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      if (++records > MAX_RECORDS) throw new BreakpadSymbolsError(`more than ${MAX_RECORDS} records`);
      // Unwind records (a quarter of a file or more) are skipped unread.
      if (header && text.charCodeAt(start) === 83 && text.startsWith("STACK ", start)) {
        current = undefined;
        start = end + 1;
        continue;
      }
      const line = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
      if (line.length === 0) continue;
      if (!header) {
        header = moduleOf(line);
        continue;
      }
      const code = line.charCodeAt(0);
      // A line record: hex digits first (FUNC, FILE, PUBLIC, INLINE… start with capitals past F).
      if ((code >= 48 && code <= 57) || (code >= 97 && code <= 102)) {
        if (current) this.addLine(line);
        continue;
      }
      const space = line.indexOf(" ");
      const kind = space < 0 ? line : line.slice(0, space);
      if (kind === "FUNC") {
        current = this.addFunc(line);
      } else if (kind === "INLINE") {
        if (current) addInline(current, line);
      } else {
        if (kind === "FILE") this.addNamed(this.files, line);
        else if (kind === "INLINE_ORIGIN") this.addNamed(this.origins, line);
        else if (kind === "PUBLIC") this.addPublic(line);
      }
    }
    if (!header) throw new BreakpadSymbolsError("not a Breakpad symbol file (no MODULE record first)");
    this.module = header;
    this.funcs.sort((a, b) => a.address - b.address);
    this.publics.sort((a, b) => a.address - b.address);
    for (const column of [this.lineAddress, this.lineSize, this.lineNumber, this.lineFile]) column.trim();
  }

  get functionCount(): number {
    return this.funcs.length;
  }

  /**
   * The frames at an address relative to the module's load address, outermost call first (a
   * function and what was inlined into it there); undefined when no record covers it.
   */
  lookup(offset: number): SymbolicatedFrame[] | undefined {
    const func = this.funcs[lastAtOrBefore(this.funcs.length, (i) => this.funcs[i].address, offset)];
    if (func && offset < func.address + Math.max(func.size, 1)) return this.framesIn(func, offset);
    const symbol = this.publics[lastAtOrBefore(this.publics.length, (i) => this.publics[i].address, offset)];
    // A PUBLIC symbol has no size: it covers the address unless a FUNC starts in between.
    if (symbol && !(func && func.address > symbol.address)) return [{ function: symbol.name }];
    return undefined;
  }

  private framesIn(func: Func, offset: number): SymbolicatedFrame[] {
    const at = lastAtOrBefore(func.linesTo - func.linesFrom, (i) => this.lineAddress.at(func.linesFrom + i), offset);
    const index = at >= 0 ? func.linesFrom + at : -1;
    const hit = index >= 0 && offset < this.lineAddress.at(index) + Math.max(this.lineSize.at(index), 1);
    const innermost = hit ? { file: this.files.get(this.lineFile.at(index)), line: this.lineNumber.at(index) } : {};
    const inlines = (func.inlines ?? []).filter((i) => i.ranges.some(([a, size]) => offset >= a && offset < a + size)).sort((a, b) => a.depth - b.depth);
    const frames: SymbolicatedFrame[] = [];
    let name = func.name;
    for (const inline of inlines) {
      // The function it was inlined into, at the line that called it.
      frames.push(frame(name, this.files.get(inline.callFile), inline.callLine));
      name = this.origins.get(inline.origin) ?? "<inlined function>";
    }
    frames.push(frame(name, innermost.file, innermost.line));
    return frames;
  }

  private addFunc(line: string): Func | undefined {
    const fields = splitFields(line, 4, true);
    if (!fields) return undefined;
    const [address, size, , name] = fields;
    const func: Func = { address: hex(address), size: hex(size), name, linesFrom: this.lineAddress.length, linesTo: this.lineAddress.length };
    if (Number.isNaN(func.address) || Number.isNaN(func.size) || !name) return undefined;
    this.funcs.push(func);
    return func;
  }

  /** "address size line file": hex, hex, decimal, decimal (read without splitting: there are millions). */
  private addLine(line: string): void {
    const a = line.indexOf(" ");
    const b = line.indexOf(" ", a + 1);
    const c = line.indexOf(" ", b + 1);
    if (a < 0 || b < 0 || c < 0 || line.indexOf(" ", c + 1) >= 0) return;
    const address = hex(line.slice(0, a));
    const size = hex(line.slice(a + 1, b));
    const number = Number(line.slice(b + 1, c));
    const file = Number(line.slice(c + 1));
    if (Number.isNaN(address) || Number.isNaN(size) || !Number.isInteger(number) || !Number.isInteger(file) || Math.abs(number) > 2 ** 31 - 1 || Math.abs(file) > 2 ** 31 - 1) return;
    const func = this.funcs[this.funcs.length - 1];
    this.lineAddress.push(address);
    this.lineSize.push(size);
    this.lineNumber.push(number);
    this.lineFile.push(file);
    func.linesTo = this.lineAddress.length;
  }

  private addPublic(line: string): void {
    const fields = splitFields(line, 3, true);
    if (!fields) return;
    const address = hex(fields[0]);
    if (!Number.isNaN(address) && fields[2]) this.publics.push({ address, name: fields[2] });
  }

  /** "FILE 3 /src/a.cc", "INLINE_ORIGIN 7 name with spaces". */
  private addNamed(into: Map<number, string>, line: string): void {
    const first = line.indexOf(" ");
    const second = line.indexOf(" ", first + 1);
    if (second < 0) return;
    const id = Number(line.slice(first + 1, second));
    if (Number.isInteger(id)) into.set(id, line.slice(second + 1));
  }
}

function moduleOf(line: string): BreakpadModule {
  const m = /^MODULE (\S+) (\S+) ([0-9A-Fa-f]{33,40}) (.+)$/.exec(line);
  const debugId = m ? nativeDebugId(m[3]) : undefined;
  if (!m || !debugId) throw new BreakpadSymbolsError('not a Breakpad symbol file (the first line is not "MODULE <os> <arch> <id> <name>")');
  // Stored as text: a NUL or lone surrogate in them becomes U+FFFD rather than a database error.
  return { os: replaceUnstorableText(m[1]), arch: replaceUnstorableText(m[2]), debugId, name: replaceUnstorableText(m[4]) };
}

/** "INLINE depth callLine callFile origin address size [address size]…". */
function addInline(func: Func, line: string): void {
  const parts = line.split(" ");
  if (parts.length < 7 || parts.length % 2 === 0) return;
  const [depth, callLine, callFile, origin] = parts.slice(1, 5).map(Number);
  if (![depth, callLine, callFile, origin].every(Number.isInteger)) return;
  const ranges: [number, number][] = [];
  for (let i = 5; i + 1 < parts.length; i += 2) ranges.push([hex(parts[i]), hex(parts[i + 1])]);
  if (ranges.some(([a, s]) => Number.isNaN(a) || Number.isNaN(s))) return;
  (func.inlines ??= []).push({ depth, callLine, callFile, origin, ranges });
}

/** A record's fields after its keyword (and an optional "m" marker); the last field takes the rest of the line. */
function splitFields(line: string, count: number, optionalMarker: boolean): string[] | undefined {
  let rest = line.slice(line.indexOf(" ") + 1);
  if (optionalMarker && rest.startsWith("m ")) rest = rest.slice(2);
  const fields: string[] = [];
  for (let i = 0; i < count - 1; i++) {
    const space = rest.indexOf(" ");
    if (space < 0) return undefined;
    fields.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
  }
  fields.push(rest);
  return fields;
}

const HEX = /^[0-9a-fA-F]{1,13}$/;

function hex(text: string): number {
  return HEX.test(text) ? parseInt(text, 16) : NaN;
}

/** A growable column of numbers in a typed array. */
class Column<T extends Float64Array | Int32Array> {
  private values: T;
  length = 0;

  constructor(private readonly Type: { new (length: number): T }) {
    this.values = new Type(1024);
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new this.Type(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index];
  }

  /** Gives back the room grown for values that never came. */
  trim(): void {
    if (this.values.length > this.length) this.values = this.values.slice(0, this.length) as T;
  }
}

function frame(name: string, file: string | undefined, line: number | undefined): SymbolicatedFrame {
  return { function: name, ...(file !== undefined && { file }), ...(line !== undefined && line > 0 && { line }) };
}

/** The index of the last element whose key is ≤ `value` (keys ascending), or -1. */
function lastAtOrBefore(length: number, keyAt: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyAt(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
