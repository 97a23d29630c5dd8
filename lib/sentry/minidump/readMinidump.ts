import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { crashReasonOf } from "@/lib/sentry/minidump/crashReasons";

/**
 * What a minidump (Windows MINIDUMP format, as written by Breakpad, Crashpad and Windows itself)
 * says about a crash without symbols: why it crashed, where (the crashing thread's instruction
 * pointer and the module it lies in), and on what OS and CPU. Stack walking and symbolication need
 * debug files Faultline does not have; the crash module and signal are what grouping can use.
 */
export interface MinidumpSummary {
  /** "SIGSEGV", "EXCEPTION_ACCESS_VIOLATION_READ", "EXC_BAD_ACCESS"…; undefined when the dump has no exception stream (a dump taken on request). */
  reason?: string;
  /** The faulting (data) address on POSIX, the exception address on Windows: "0x…". */
  address?: string;
  /** The crashing thread's program counter: "0x…". */
  instructionPointer?: string;
  /**
   * The module holding the program counter: its path as recorded, the offset into it ("0x…"), where
   * it was loaded and its size, and its debug ID from the CodeView record (a PDB's GUID and age, an
   * ELF build ID as Breakpad and Sentry turn it into one) when it has one.
   */
  crashModule?: { path: string; offset: string; base: string; size: number; debugId?: string };
  /** "Linux", "Android", "macOS", "iOS", "Windows"…, as far as the system info stream says. */
  os?: string;
  osVersion?: string;
  /** "amd64", "arm64", "x86", "arm". */
  arch?: string;
  moduleCount: number;
  /**
   * The dump ends before a structure it points to (written while the process died or the disk
   * filled up): what lay before the cut was read, the rest is missing. Absent for a whole dump.
   */
  truncated?: true;
}

const SIGNATURE = 0x504d444d; // "MDMP"
/** MINIDUMP_VERSION: the low 16 bits of the header's version (the high ones are the writer's own). */
const VERSION = 0xa793;
const HEADER_SIZE = 32;
const STREAM = { moduleList: 4, exception: 6, systemInfo: 7 } as const;
/** Bounds on untrusted counts: no real dump has more streams or modules. */
const MAX_STREAMS = 4096;
const MAX_MODULES = 65536;
const MODULE_SIZE = 108;

/**
 * Reads a minidump; null when the bytes are not one (no MDMP header: the signature and the
 * MINIDUMP_VERSION its version starts with). A dump cut short is read as far as it goes: each
 * stream that runs past the end is left out and the summary says `truncated`. Never throws: every
 * offset is bounds-checked.
 */
export function readMinidump(bytes: Buffer): MinidumpSummary | null {
  if (bytes.length < HEADER_SIZE || bytes.readUInt32LE(0) !== SIGNATURE || (bytes.readUInt32LE(4) & 0xffff) !== VERSION) return null;
  const summary: MinidumpSummary = { moduleCount: 0 };
  read(new Reader(bytes), summary);
  return summary;
}

/** Runs one part of the reading; a part that runs past the end marks the summary truncated and is skipped. */
function readable<T>(summary: MinidumpSummary, part: () => T): T | undefined {
  try {
    return part();
  } catch (error) {
    if (!(error instanceof OutOfBounds)) throw error;
    summary.truncated = true;
    return undefined;
  }
}

function read(r: Reader, summary: MinidumpSummary): void {
  const streamCount = Math.min(r.u32(8), MAX_STREAMS);
  const directory = r.u32(12);
  const streams = new Map<number, { size: number; rva: number }>();
  readable(summary, () => {
    for (let i = 0; i < streamCount; i++) {
      const at = directory + i * 12;
      const type = r.u32(at);
      if (!streams.has(type)) streams.set(type, { size: r.u32(at + 4), rva: r.u32(at + 8) });
    }
  });

  const system = streams.get(STREAM.systemInfo);
  let architecture: number | undefined;
  if (system && system.size >= 32) {
    readable(summary, () => {
      const info = systemInfo(r, system.rva);
      architecture = r.u16(system.rva);
      Object.assign(summary, info);
    });
  }
  const listed = streams.get(STREAM.moduleList);
  const modules: Module[] = [];
  if (listed) readable(summary, () => moduleList(r, listed.rva, modules));
  summary.moduleCount = modules.length;

  const exception = streams.get(STREAM.exception);
  if (exception && exception.size >= 168) readable(summary, () => readException(r, exception.rva, summary, modules, architecture));
}

/** MINIDUMP_EXCEPTION_STREAM: the reason and address first, then (each as far as the dump goes) the program counter and its module. */
function readException(r: Reader, at: number, summary: MinidumpSummary, modules: Module[], architecture: number | undefined): void {
  const record = at + 8;
  const code = r.u32(record);
  const informationCount = Math.min(r.u32(record + 24), 15);
  const firstInformation = informationCount > 0 ? r.u64(record + 32) : undefined;
  const address = hex(r.u64(record + 16));
  summary.reason = crashReasonOf(code, summary.os, firstInformation);
  summary.address = address;
  const contextSize = r.u32(at + 160);
  const contextRva = r.u32(at + 164);
  const pc = contextSize > 0 ? programCounter(r, contextRva, contextSize, architecture) : undefined;
  if (pc === undefined) return;
  summary.instructionPointer = hex(pc);
  const crashed = modules.find((m) => pc >= m.base && pc < m.base + m.size);
  if (!crashed) return;
  const path = readable(summary, () => r.string(crashed.nameRva)) ?? "";
  const debugId = readable(summary, () => codeViewDebugId(r, crashed.cvSize, crashed.cvRva));
  summary.crashModule = { path, offset: hex(pc - crashed.base), base: hex(crashed.base), size: Number(crashed.size), ...(debugId && { debugId }) };
}

/** MINIDUMP_SYSTEM_INFO: architecture, OS (Windows platform ids and Breakpad's extensions), version. */
function systemInfo(r: Reader, at: number): Partial<MinidumpSummary> {
  const arch = ARCHITECTURES[r.u16(at)];
  const major = r.u32(at + 8);
  const minor = r.u32(at + 12);
  const build = r.u32(at + 16);
  const os = PLATFORMS[r.u32(at + 20)];
  const csd = r.string(r.u32(at + 24));
  const version = [`${major}.${minor}.${build}`, csd].filter(Boolean).join(" ");
  return { ...(arch && { arch }), ...(os && { os }), ...(major + minor + build > 0 && { osVersion: version }) };
}

const ARCHITECTURES: Record<number, string> = { 0: "x86", 5: "arm", 9: "amd64", 12: "arm64", 0x8003: "arm64" };
const PLATFORMS: Record<number, string> = {
  0: "Windows", 1: "Windows", 2: "Windows", 0x8000: "Unix", 0x8101: "macOS", 0x8102: "iOS", 0x8201: "Linux", 0x8202: "Solaris",
  0x8203: "Android", 0x8205: "NaCl", 0x8206: "Fuchsia",
};

interface Module {
  base: bigint;
  size: bigint;
  /** Decoded only for the crash module: a hostile dump may point thousands of entries at one long string. */
  nameRva: number;
  /** Its CodeView record (MINIDUMP_MODULE.CvRecord), read only for the crash module too. */
  cvSize: number;
  cvRva: number;
}

const CV_PDB70 = 0x53445352; // "RSDS": a PDB's GUID and age
const CV_ELF = 0x4c457042; // "BpEL": Breakpad's record of an ELF build ID

/**
 * A module's debug ID from its CodeView record, as Sentry's SDKs and Breakpad's MODULE records write
 * it: a PDB's GUID (its first three fields little-endian) and age when not zero; an ELF build ID's
 * first 16 bytes read the same way. Undefined for any other record.
 */
function codeViewDebugId(r: Reader, size: number, rva: number): string | undefined {
  if (size < 20 || rva === 0) return undefined;
  const signature = r.u32(rva);
  if (signature !== CV_PDB70 && signature !== CV_ELF) return undefined;
  const guid = r.slice(rva + 4, 16);
  const age = signature === CV_PDB70 && size >= 24 ? r.u32(rva + 20) : 0;
  const swapped = Buffer.concat([Buffer.from(guid.subarray(0, 4)).reverse(), Buffer.from(guid.subarray(4, 6)).reverse(), Buffer.from(guid.subarray(6, 8)).reverse(), guid.subarray(8, 16)]).toString("hex");
  // The GUID's hex and the age, as a Breakpad MODULE record writes it.
  return nativeDebugId(`${swapped}${age.toString(16)}`);
}

/** The module list into `into`, entry by entry: a list cut short keeps the modules before the cut. */
function moduleList(r: Reader, at: number, into: Module[]): void {
  const count = Math.min(r.u32(at), MAX_MODULES);
  for (let i = 0; i < count; i++) {
    const m = at + 4 + i * MODULE_SIZE;
    into.push({ base: r.u64(m), size: BigInt(r.u32(m + 8)), nameRva: r.u32(m + 20), cvSize: r.u32(m + 76), cvRva: r.u32(m + 80) });
  }
}

/**
 * The program counter in a CPU context: AMD64 CONTEXT.Rip (0xF8), x86 CONTEXT.Eip (0xB8), ARM64
 * pc after context_flags, cpsr and x0–x30, sp (8 + 32 × 8), ARM r15 (4 + 15 × 4). Without a system
 * info stream the context's size tells AMD64 (1232 bytes) from ARM64 (912) apart.
 */
function programCounter(r: Reader, at: number, size: number, architecture: number | undefined): bigint | undefined {
  const arch = architecture ?? (size === 1232 ? 9 : size === 912 ? 12 : undefined);
  switch (arch) {
    case 9:
      return size >= 0x100 ? r.u64(at + 0xf8) : undefined;
    case 12:
    case 0x8003:
      return size >= 272 ? r.u64(at + 264) : undefined;
    case 0:
      return size >= 0xbc ? BigInt(r.u32(at + 0xb8)) : undefined;
    case 5:
      return size >= 68 ? BigInt(r.u32(at + 64)) : undefined;
    default:
      return undefined;
  }
}

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

class OutOfBounds extends Error {}

/** Little-endian reads that throw OutOfBounds instead of reading past the end. */
class Reader {
  constructor(private readonly bytes: Buffer) {}

  get length(): number {
    return this.bytes.length;
  }

  private check(at: number, size: number): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.bytes.length) throw new OutOfBounds();
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.bytes.readUInt16LE(at);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.bytes.readUInt32LE(at);
  }

  u64(at: number): bigint {
    this.check(at, 8);
    return this.bytes.readBigUInt64LE(at);
  }

  slice(at: number, size: number): Buffer {
    this.check(at, size);
    return this.bytes.subarray(at, at + size);
  }

  /** MINIDUMP_STRING: a byte length, then UTF-16LE. Undefined for RVA 0 or an implausible length (paths and versions are short). */
  string(rva: number): string | undefined {
    if (rva === 0) return undefined;
    const length = this.u32(rva);
    if (length > 8192 || length % 2 !== 0) return undefined;
    this.check(rva + 4, length);
    return this.bytes.toString("utf16le", rva + 4, rva + 4 + length);
  }
}
