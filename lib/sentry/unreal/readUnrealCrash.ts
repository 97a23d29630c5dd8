import { promisify } from "node:util";
import { inflate } from "node:zlib";
import { ApiError } from "@/lib/http/ApiError";
import { isTooLarge } from "@/lib/http/readBody";

const inflateAsync = promisify(inflate);

/** One file of an Unreal Engine crash report: CrashContext.runtime-xml, the minidump, the game's log… */
export interface UnrealCrashFile {
  name: string;
  data: Buffer;
}

/** An Unreal Engine crash report as the engine's Crash Report Client uploads it (a `.uecrash`). */
export interface UnrealCrash {
  /** The report's folder name on the player's machine ("UECC-Windows-…_0000"). */
  directoryName: string;
  files: UnrealCrashFile[];
}

/** The body's field named in every error: the whole upload is the report. */
const FIELD = "body";
/** A report holds a handful of files (context, minidump, log, config, diagnostics). */
const MAX_FILES = 64;
/** Marker of the newer layout (UE 4.26+): one header at the start, none at the end. */
const CR1 = Buffer.from("CR1");

/**
 * Reads the Crash Report Client's upload: zlib-compressed (decompressed up to `maxBytes`, 413
 * past it), then a header (folder name, report name, size, file count) and each file as index, name
 * and length-prefixed bytes. Two layouts exist: the newer starts with "CR1" and one header; the
 * older writes a placeholder header first and the real one after the files (the count is read from
 * the end). Strings are FStrings: a 32-bit length (negative for UTF-16) and the characters, NUL
 * padded. Anything that does not parse is a 400 naming `body`, and so is a report without its
 * CrashContext.runtime-xml (the engine always writes one: zeros parse as a legacy report of no files,
 * and became a critical crash); every length is bounds-checked.
 */
export async function readUnrealCrash(compressed: Buffer, maxBytes: number): Promise<UnrealCrash> {
  if (compressed.length === 0) throw ApiError.badRequest(`${FIELD}: empty; expected an Unreal Engine crash report (zlib-compressed)`, { field: FIELD });
  const tooLarge = () => ApiError.tooLarge(`${FIELD}: an Unreal crash report may be at most ${maxBytes} bytes decompressed`, { field: FIELD, limit: maxBytes });
  let bytes: Buffer;
  try {
    bytes = await inflateAsync(compressed, { maxOutputLength: maxBytes + 1 });
  } catch (error) {
    if (isTooLarge(error)) throw tooLarge();
    throw ApiError.badRequest(`${FIELD}: not an Unreal Engine crash report (not zlib-compressed)`, { field: FIELD });
  }
  if (bytes.length > maxBytes) throw tooLarge();
  try {
    const crash = parse(new Cursor(bytes));
    if (!crash.files.some((f) => isCrashContextFile(f.name))) throw new Malformed(crash.files.length === 0 ? "no files" : "no CrashContext.runtime-xml");
    return crash;
  } catch (error) {
    if (error instanceof Malformed) throw ApiError.badRequest(`${FIELD}: not an Unreal Engine crash report (${error.message})`, { field: FIELD });
    throw error;
  }
}

/** The report's CrashContext.runtime-xml (the engine's account of the crash), by its file name. */
export function isCrashContextFile(name: string): boolean {
  return /\.runtime-xml$/i.test(name) || /^CrashContext/i.test(name);
}

function parse(cursor: Cursor): UnrealCrash {
  const modern = cursor.bytes.subarray(0, 3).equals(CR1);
  if (modern) cursor.skip(3);
  const header = readHeader(cursor);
  const count = modern ? header.fileCount : trailingFileCount(cursor.bytes);
  if (count < 0 || count > MAX_FILES) throw new Malformed(`${count} files`);
  const files: UnrealCrashFile[] = [];
  for (let i = 0; i < count; i++) {
    cursor.int32(); // the file's index: files come in order
    const name = cursor.fstring();
    const length = cursor.int32();
    files.push({ name, data: cursor.take(length) });
  }
  // The older layout repeats the header, with the real names, after the files.
  const directoryName = modern ? header.directoryName : readHeader(cursor).directoryName;
  return { directoryName, files };
}

function readHeader(cursor: Cursor): { directoryName: string; fileCount: number } {
  const directoryName = cursor.fstring();
  cursor.fstring(); // the report's file name
  cursor.int32(); // its uncompressed size
  return { directoryName, fileCount: cursor.int32() };
}

function trailingFileCount(bytes: Buffer): number {
  if (bytes.length < 4) throw new Malformed("too short");
  return bytes.readInt32LE(bytes.length - 4);
}

class Malformed extends Error {}

class Cursor {
  private offset = 0;
  constructor(readonly bytes: Buffer) {}

  skip(n: number): void {
    this.take(n);
  }

  int32(): number {
    return this.take(4).readInt32LE(0);
  }

  take(n: number): Buffer {
    if (!Number.isInteger(n) || n < 0 || this.offset + n > this.bytes.length) throw new Malformed(`a length of ${n} at byte ${this.offset} runs past the end`);
    const slice = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return slice;
  }

  /** An FString: its length in characters (negative: UTF-16), the characters, NUL-terminated and often NUL-padded. */
  fstring(): string {
    const length = this.int32();
    const text = length < 0 ? this.take(-length * 2).toString("utf16le") : this.take(length).toString("utf8");
    const nul = text.indexOf("\0");
    return nul === -1 ? text : text.slice(0, nul);
  }
}
