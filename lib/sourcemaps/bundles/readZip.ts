import { crc32, inflateRawSync } from "node:zlib";

/** A ZIP archive that cannot be read within the limits (the message says why; it names no file content). */
export class ZipError extends Error {}

/** A file larger than its reader takes (refused from its declared size, before it is inflated, or while inflating when the size lies). */
export class ZipEntryTooLargeError extends ZipError {
  constructor(
    readonly entryName: string,
    readonly limit: number,
  ) {
    super(`${entryName}: larger than ${limit} bytes`);
  }
}

/** A file of an archive, read (inflated) when called: at most `maxBytes`, else ZipEntryTooLargeError. */
export type ZipFile = (maxBytes: number) => Buffer;

export interface ZipLimits {
  /** Entries in the archive at most. */
  maxEntries: number;
  /** Bytes of all entries together, uncompressed, at most (a ZIP bomb stops here). */
  maxTotalBytes: number;
}

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/**
 * The files of a ZIP archive (stored or deflated entries; directories skipped) by name, each read
 * when asked for (one file inflated at a time). Read from the central directory, each entry's data
 * found through its local header and checked against its CRC-32; ZIP64, encryption and other compression methods are refused, and
 * a file whose inflated size differs from what the directory says throws when read. Bounded by
 * `limits` before anything is inflated: the declared sizes are summed first. Each file is read with
 * the largest size its caller takes: one declared larger is refused without inflating it, and the
 * inflation stops one byte past the smaller of the declared size and that cap (a size that lies is
 * caught there, not after inflating all a bomb holds).
 */
export function readZip(archive: Buffer, limits: ZipLimits): Map<string, ZipFile> {
  const end = findEndOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  const directorySize = archive.readUInt32LE(end + 12);
  const directoryStart = archive.readUInt32LE(end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) throw new ZipError("ZIP64 archives are not supported");
  if (count > limits.maxEntries) throw new ZipError(`more than ${limits.maxEntries} entries`);
  if (directoryStart + directorySize > end) throw new ZipError("the central directory lies outside the archive");

  const entries: Entry[] = [];
  let at = directoryStart;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || archive.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipError("a central directory entry is damaged");
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localOffset = archive.readUInt32LE(at + 42);
    if (at + 46 + nameLength > end) throw new ZipError("a central directory entry is damaged");
    const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (flags & 0x1) throw new ZipError(`${name}: encrypted entries are not supported`);
    if (method !== 0 && method !== 8) throw new ZipError(`${name}: compression method ${method} is not supported (stored or deflate)`);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new ZipError("ZIP64 archives are not supported");
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipError(`the files inflate to more than ${limits.maxTotalBytes} bytes`);
    entries.push({ name, method, crc, compressedSize, size, localOffset });
  }

  const files = new Map<string, ZipFile>();
  for (const entry of entries) files.set(entry.name, (maxBytes) => readEntry(archive, entry, maxBytes));
  return files;
}

function readEntry(archive: Buffer, entry: Entry, maxBytes: number): Buffer {
  if (entry.size > maxBytes) throw new ZipEntryTooLargeError(entry.name, maxBytes);
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw new ZipError(`${entry.name}: ${entry.compressedSize} bytes stored where the directory says ${entry.size}`);
  const local = entry.localOffset;
  if (local + 30 > archive.length || archive.readUInt32LE(local) !== LOCAL_SIGNATURE) throw new ZipError(`${entry.name}: its local header is damaged`);
  const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > archive.length) throw new ZipError(`${entry.name}: its data lies outside the archive`);
  const raw = archive.subarray(dataStart, dataEnd);
  let data: Buffer;
  try {
    // Capped one byte past the declared size (no more than the caller's cap): a lying size throws
    // instead of being cut silently, having inflated no more than that.
    data = entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: Math.min(entry.size, maxBytes) + 1 });
  } catch (error) {
    const tooLarge = (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE";
    throw new ZipError(tooLarge ? `${entry.name}: inflates past the ${entry.size} bytes the directory says` : `${entry.name}: its data does not inflate`);
  }
  if (data.length !== entry.size) throw new ZipError(`${entry.name}: ${data.length} bytes where the directory says ${entry.size}`);
  if (crc32(data) !== entry.crc) throw new ZipError(`${entry.name}: its checksum does not match (a damaged archive)`);
  return data;
}

/** The end-of-central-directory record: the last 22 bytes, or further back past a comment. */
function findEndOfCentralDirectory(archive: Buffer): number {
  const lowest = Math.max(0, archive.length - EOCD_MIN - MAX_COMMENT);
  for (let at = archive.length - EOCD_MIN; at >= lowest; at--) {
    if (archive.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_MIN + archive.readUInt16LE(at + 20) === archive.length) return at;
  }
  throw new ZipError("not a ZIP archive");
}
