import { deflateSync } from "node:zlib";

/**
 * Test builder of the upload Unreal Engine's Crash Report Client sends (a `.uecrash`), written for
 * Faultline from the engine's format: zlib over a header — folder name, report name as FStrings (a
 * 32-bit length, then the characters NUL-padded to 260 as the engine writes them), size, file count
 * — and each file as index, name and length-prefixed bytes. `layout: "legacy"` (before UE 4.26)
 * writes a placeholder header first and the real one after the files; "cr1" starts with "CR1".
 */
export interface UnrealCrashSpec {
  directoryName?: string;
  files: { name: string; data: Buffer | string }[];
  layout?: "cr1" | "legacy";
  /** Write names as UTF-16 FStrings (negative length), as some platforms do. */
  utf16Names?: boolean;
}

export function buildUnrealCrash(spec: UnrealCrashSpec): Buffer {
  const directory = spec.directoryName ?? "UECC-Windows-0123456789ABCDEF0123456789ABCDEF_0000";
  const utf16 = spec.utf16Names === true;
  const files = spec.files.map((f) => ({ name: f.name, data: typeof f.data === "string" ? Buffer.from(f.data, "utf8") : f.data }));
  const size = files.reduce((n, f) => n + f.data.length, 0);
  const header = (dir: string, name: string, count: number) => Buffer.concat([fstring(dir, utf16), fstring(name, utf16), int32(size), int32(count)]);
  const body = files.flatMap((f, i) => [int32(i), fstring(f.name, utf16), int32(f.data.length), f.data]);
  const raw =
    spec.layout === "legacy"
      ? Buffer.concat([header("", "", 0), ...body, header(directory, `${directory}.uecrash`, files.length)])
      : Buffer.concat([Buffer.from("CR1"), header(directory, `${directory}.uecrash`, files.length), ...body]);
  return deflateSync(raw);
}

/** A CrashContext.runtime-xml with the given RuntimeProperties (and GameData), values XML-escaped. */
export function unrealContextXml(runtime: Record<string, string>, gameData: Record<string, string> = {}): string {
  const elements = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => (v === "" ? `\t\t<${k} />` : `\t\t<${k}>${escapeXml(v)}</${k}>`)).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<FGenericCrashContext>\n\t<RuntimeProperties>\n${elements(runtime)}\n\t</RuntimeProperties>\n\t<PlatformProperties>\n\t\t<PlatformIsRunningWindows>1</PlatformIsRunningWindows>\n\t</PlatformProperties>\n\t<GameData>\n${elements(gameData)}\n\t</GameData>\n</FGenericCrashContext>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
}

function fstring(text: string, utf16: boolean): Buffer {
  if (utf16) {
    const chars = Buffer.from(`${text}\0`, "utf16le");
    return Buffer.concat([int32(-(chars.length / 2)), chars]);
  }
  const padded = Buffer.alloc(Math.max(260, Buffer.byteLength(text) + 1));
  padded.write(text, "utf8");
  return Buffer.concat([int32(padded.length), padded]);
}

/** What a shipped Windows game's report holds when an assert fires in its code: context, log, config and minidump. */
export interface HarborReport {
  guid?: string;
  crashType?: "Assert" | "Ensure" | "Crash" | "Hang" | "GPUCrash";
  errorMessage?: string;
  /** The engine-symbolicated stack, innermost first; "" for a build shipped without symbols. */
  callStack?: string;
  userDescription?: string;
  /** sentry-unreal's scope JSON in GameData. */
  sentryScope?: Record<string, unknown>;
  minidump?: Buffer;
  line?: number;
}

export function harborReportFiles(report: HarborReport = {}): { name: string; data: Buffer | string }[] {
  const guid = report.guid ?? "0123456789ABCDEF0123456789ABCDEF";
  const line = report.line ?? 42;
  const callStack =
    report.callStack ??
    [
      "HarborGame!FDebug::CheckVerifyFailedImpl() [D:\\UE\\Engine\\Source\\Runtime\\Core\\Private\\Misc\\AssertionMacros.cpp:440]",
      `HarborGame!ADock::Berth() [D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp:${line}]`,
      "HarborGame!AHarborGameMode::Tick() [D:\\Build\\Harbor\\Source\\Harbor\\HarborGameMode.cpp:88]",
      "HarborGame!UWorld::Tick() [D:\\UE\\Engine\\Source\\Runtime\\Engine\\Private\\LevelTick.cpp:1500]",
      "HarborGame!GuardedMain() [D:\\UE\\Engine\\Source\\Runtime\\Launch\\Private\\Launch.cpp:180]",
      "kernel32",
      "ntdll",
    ].join("\r\n");
  const runtime: Record<string, string> = {
    CrashVersion: "3",
    CrashGUID: `UECC-Windows-${guid}_0000`,
    IsEnsure: String(report.crashType === "Ensure"),
    IsAssert: String((report.crashType ?? "Assert") === "Assert"),
    CrashType: report.crashType ?? "Assert",
    GameName: "UE5-HarborGame",
    ExecutableName: "HarborGame",
    BuildConfiguration: "Shipping",
    PlatformName: "Windows",
    PlatformFullName: "Win64 [Windows 11 (23H2) [10.0.22631.4460]  64b]",
    EngineMode: "Game",
    EngineVersion: "5.4.4-35576357+++UE5+Release-5.4",
    BuildVersion: "++UE5+Release-5.4-CL-35576357",
    UserName: "captain",
    LoginId: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    EpicAccountId: "",
    CallStack: callStack,
    UserDescription: report.userDescription ?? "",
    ErrorMessage: report.errorMessage ?? `Assertion failed: Ship != nullptr [File:D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp] [Line: ${line}] \nno ship to berth`,
    "Misc.NumberOfCores": "8",
    "Misc.NumberOfCoresIncludingHyperthreads": "16",
    "Misc.CPUBrand": "AMD Ryzen 7 7800X3D 8-Core Processor",
    "Misc.PrimaryGPUBrand": "NVIDIA GeForce RTX 4070",
    "Misc.OSVersionMajor": "Windows 11",
    "Misc.OSVersionMinor": "",
    "MemoryStats.TotalPhysical": "34359738368",
    SecondsSinceStart: "913",
    TimeOfCrash: String(621_355_968_000_000_000n + BigInt(Date.now()) * 10_000n),
    CrashReportClientVersion: "1.0",
  };
  const log = ["\ufeffLog file open, 12/06/26 10:00:00", "[2026.12.06-10.00.01:250][  0]LogInit: Display: Engine is initialized.", "[2026.12.06-10.00.05:000][120]LogHarbor: Warning: Dock 3 has no free berth", "[2026.12.06-10.00.05:004][121]LogHarbor: Error: Berthing ship 7 failed"].join("\r\n");
  return [
    { name: "CrashContext.runtime-xml", data: unrealContextXml(runtime, report.sentryScope ? { __sentry: JSON.stringify(report.sentryScope) } : {}) },
    { name: "CrashReportClient.ini", data: "[CrashReportClient]\r\nbHideLogFilesOption=false\r\n" },
    { name: "HarborGame.log", data: log },
    ...(report.minidump ? [{ name: "UEMinidump.dmp", data: report.minidump }] : []),
  ];
}
