/**
 * Writes a small minidump in the MINIDUMP layout Breakpad and Crashpad use: header, stream
 * directory, system info, module list and exception stream with the crashing thread's CPU context.
 * For tests: real dumps are megabytes of memory ranges around the same few structures.
 */
export interface MinidumpSpec {
  /** 9 AMD64, 12 ARM64, 0 x86, 5 ARM. */
  arch: 9 | 12 | 0 | 5;
  /** 0x8201 Linux, 0x8203 Android, 0x8101 macOS, 0x8102 iOS, 2 Windows. */
  platform: number;
  exceptionCode: number;
  /** ExceptionInformation[0] (Windows access violations: 0 read, 1 write, 8 exec). */
  information?: bigint;
  address: bigint;
  pc: bigint;
  /** `elfBuildId` (hex): the module's CodeView record is Breakpad's "BpEL" with that build ID. */
  modules: { name: string; base: bigint; size: number; elfBuildId?: string }[];
  osVersion?: [number, number, number];
}

export function buildMinidump(spec: MinidumpSpec): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const place = (buf: Buffer): number => {
    const at = offset;
    chunks.push(buf);
    offset += buf.length;
    const pad = (4 - (buf.length % 4)) % 4;
    if (pad) {
      chunks.push(Buffer.alloc(pad));
      offset += pad;
    }
    return at;
  };
  const header = Buffer.alloc(32);
  place(header);
  const directory = Buffer.alloc(3 * 12);
  const directoryRva = place(directory);

  const utf16 = (text: string) => {
    const body = Buffer.from(text, "utf16le");
    const buf = Buffer.alloc(4 + body.length);
    buf.writeUInt32LE(body.length, 0);
    body.copy(buf, 4);
    return place(buf);
  };

  const system = Buffer.alloc(56);
  system.writeUInt16LE(spec.arch, 0);
  const [major, minor, build] = spec.osVersion ?? [6, 1, 0];
  system.writeUInt32LE(major, 8);
  system.writeUInt32LE(minor, 12);
  system.writeUInt32LE(build, 16);
  system.writeUInt32LE(spec.platform, 20);
  const systemRva = place(system);

  const nameRvas = spec.modules.map((m) => utf16(m.name));
  const codeViews = spec.modules.map((m) => (m.elfBuildId ? { size: 4 + m.elfBuildId.length / 2, rva: place(Buffer.concat([Buffer.from("BpEL"), Buffer.from(m.elfBuildId, "hex")])) } : null));
  const moduleList = Buffer.alloc(4 + spec.modules.length * 108);
  moduleList.writeUInt32LE(spec.modules.length, 0);
  spec.modules.forEach((m, i) => {
    const at = 4 + i * 108;
    moduleList.writeBigUInt64LE(m.base, at);
    moduleList.writeUInt32LE(m.size, at + 8);
    moduleList.writeUInt32LE(nameRvas[i], at + 20);
    if (codeViews[i]) {
      moduleList.writeUInt32LE(codeViews[i]!.size, at + 76);
      moduleList.writeUInt32LE(codeViews[i]!.rva, at + 80);
    }
  });
  const moduleListRva = place(moduleList);

  const contextSize = { 9: 1232, 12: 912, 0: 716, 5: 368 }[spec.arch];
  const context = Buffer.alloc(contextSize);
  if (spec.arch === 9) context.writeBigUInt64LE(spec.pc, 0xf8);
  else if (spec.arch === 12) context.writeBigUInt64LE(spec.pc, 264);
  else if (spec.arch === 0) context.writeUInt32LE(Number(spec.pc), 0xb8);
  else context.writeUInt32LE(Number(spec.pc), 64);
  const contextRva = place(context);

  const exception = Buffer.alloc(168);
  exception.writeUInt32LE(1, 0); // thread id
  exception.writeUInt32LE(spec.exceptionCode, 8);
  exception.writeBigUInt64LE(spec.address, 24);
  exception.writeUInt32LE(spec.information === undefined ? 0 : 2, 32);
  if (spec.information !== undefined) exception.writeBigUInt64LE(spec.information, 40);
  exception.writeUInt32LE(contextSize, 160);
  exception.writeUInt32LE(contextRva, 164);
  const exceptionRva = place(exception);

  header.writeUInt32LE(0x504d444d, 0);
  header.writeUInt32LE(0xa793, 4);
  header.writeUInt32LE(3, 8);
  header.writeUInt32LE(directoryRva, 12);
  const streams: [number, number, number][] = [
    [7, system.length, systemRva],
    [4, moduleList.length, moduleListRva],
    [6, exception.length, exceptionRva],
  ];
  streams.forEach(([type, size, rva], i) => {
    directory.writeUInt32LE(type, i * 12);
    directory.writeUInt32LE(size, i * 12 + 4);
    directory.writeUInt32LE(rva, i * 12 + 8);
  });
  return Buffer.concat(chunks);
}
