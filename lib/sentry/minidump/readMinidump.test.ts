import { describe, expect, it } from "vitest";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { readMinidump } from "@/lib/sentry/minidump/readMinidump";

const linuxModules = [
  { name: "/usr/bin/engine", base: 0x555555554000n, size: 0x20000 },
  { name: "/lib/x86_64-linux-gnu/libc.so.6", base: 0x7ffff7c00000n, size: 0x200000 },
];

describe("readMinidump", () => {
  it("reads a Linux AMD64 crash: signal, faulting address, program counter and the module it lies in", () => {
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x555555555169n, modules: linuxModules, osVersion: [6, 8, 0] });
    expect(readMinidump(dump)).toEqual({
      reason: "SIGSEGV",
      address: "0x0",
      instructionPointer: "0x555555555169",
      crashModule: { path: "/usr/bin/engine", offset: "0x1169", base: "0x555555554000", size: 0x20000 },
      os: "Linux",
      osVersion: "6.8.0",
      arch: "amd64",
      moduleCount: 2,
    });
  });

  it("reads the crash module's debug ID from its CodeView record (an ELF build ID, as Breakpad and Sentry write it)", () => {
    const modules = [{ ...linuxModules[0], elfBuildId: "680e5a3ebed46f8e2f011bf9c5c8f5b3b1d2e3f4" }, linuxModules[1]];
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x555555555169n, modules });
    expect(readMinidump(dump)?.crashModule).toEqual({ path: "/usr/bin/engine", offset: "0x1169", base: "0x555555554000", size: 0x20000, debugId: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3" });
  });

  it("reads ARM64 contexts and names Mach exceptions on Apple platforms", () => {
    const dump = buildMinidump({ arch: 12, platform: 0x8102, exceptionCode: 1, address: 0x10n, pc: 0x100f0c2b4n, modules: [{ name: "/private/var/containers/Bundle/Application/5B2E/MyApp.app/MyApp", base: 0x100f00000n, size: 0x100000 }] });
    expect(readMinidump(dump)).toMatchObject({ reason: "EXC_BAD_ACCESS", arch: "arm64", os: "iOS", crashModule: { offset: "0xc2b4" } });
  });

  it("names Windows access violations by kind, and a program counter outside every module has no crash module", () => {
    const dump = buildMinidump({ arch: 9, platform: 2, exceptionCode: 0xc0000005, information: 1n, address: 0x28n, pc: 0x1234n, modules: [{ name: "C:\\app\\engine.exe", base: 0x140000000n, size: 0x10000 }] });
    const summary = readMinidump(dump);
    expect(summary).toMatchObject({ reason: "EXCEPTION_ACCESS_VIOLATION_WRITE", os: "Windows", instructionPointer: "0x1234" });
    expect(summary?.crashModule).toBeUndefined();
  });

  it("reads a dump cut short as far as it goes: the streams before the cut, marked truncated", () => {
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x555555555169n, modules: linuxModules, osVersion: [6, 8, 0] });
    // The exception stream is written last: 90% of the dump keeps the system info and the modules.
    expect(readMinidump(dump.subarray(0, Math.floor(dump.length * 0.9)))).toEqual({ os: "Linux", osVersion: "6.8.0", arch: "amd64", moduleCount: 2, truncated: true });
    // Only the header and the stream directory: nothing but the fact that it is a dump.
    expect(readMinidump(dump.subarray(0, 64))).toEqual({ moduleCount: 0, truncated: true });
    expect(readMinidump(dump.subarray(0, 32))).toEqual({ moduleCount: 0, truncated: true });
    expect(readMinidump(dump)?.truncated).toBeUndefined();
  });

  it("keeps the crash's reason and address when the CPU context lies past the end", () => {
    const dump = Buffer.from(buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0x28n, pc: 0x555555555169n, modules: linuxModules }));
    const exceptionRva = dump.readUInt32LE(dump.readUInt32LE(12) + 2 * 12 + 8);
    dump.writeUInt32LE(dump.length + 4096, exceptionRva + 164);
    expect(readMinidump(dump)).toMatchObject({ reason: "SIGSEGV", address: "0x28", os: "Linux", moduleCount: 2, truncated: true });
    expect(readMinidump(dump)?.instructionPointer).toBeUndefined();
  });

  it("returns null for bytes that are not a minidump (no MDMP header), and survives truncation and garbage", () => {
    expect(readMinidump(Buffer.from("not a minidump at all, just some text"))).toBeNull();
    expect(readMinidump(Buffer.from("MDMP but not really a minidump header"))).toBeNull();
    expect(readMinidump(Buffer.from("MDMP"))).toBeNull();
    const dump = buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 6, address: 0n, pc: 0x555555555169n, modules: linuxModules });
    for (let cut = 0; cut < dump.length; cut += 7) expect(() => readMinidump(dump.subarray(0, cut))).not.toThrow();
    for (let i = 0; i < 200; i++) {
      const noisy = Buffer.from(dump);
      for (let j = 0; j < 20; j++) noisy[4 + ((i * 131 + j * 977) % (noisy.length - 4))] = (i * 31 + j * 17) & 0xff;
      expect(() => readMinidump(noisy)).not.toThrow();
    }
  });
});
