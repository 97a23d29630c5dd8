import { describe, expect, it } from "vitest";
import { unrealCallStackFrames } from "@/lib/sentry/unreal/unrealCallStack";

describe("unrealCallStackFrames", () => {
  it("reads a Windows call stack, innermost first, into frames outermost first", () => {
    const frames = unrealCallStackFrames(
      ["Harbor!FDebug::AssertFailed() [D:\\UE\\Engine\\Source\\Runtime\\Core\\Private\\Misc\\AssertionMacros.cpp:440]", "Harbor!ADock::Berth() [D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp:42]", "Harbor!UnknownFunction []", "kernel32", "ntdll"].join("\r\n"),
      { executable: "Harbor", project: "Harbor" },
    );
    expect(frames).toEqual([
      { package: "ntdll", in_app: false },
      { package: "kernel32", in_app: false },
      { package: "Harbor", in_app: true },
      { package: "Harbor", function: "ADock::Berth()", abs_path: "D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp", filename: "Dock.cpp", lineno: 42, in_app: true },
      { package: "Harbor", function: "FDebug::AssertFailed()", abs_path: "D:\\UE\\Engine\\Source\\Runtime\\Core\\Private\\Misc\\AssertionMacros.cpp", filename: "AssertionMacros.cpp", lineno: 440, in_app: false },
    ]);
  });

  it("reads UE5's addressed lines and Linux's shared objects; engine modules are not the game's", () => {
    const frames = unrealCallStackFrames(
      [
        "[Callstack] 0x00007ffb1a2b3c4d UnrealEditor-Harbor.dll!ADock::Berth(int) [D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp:42]",
        "0x00000000049f4b1c libUnrealEditor-Engine.so!UWorld::Tick(ELevelTick, float) [/src/Engine/Private/LevelTick.cpp:1500]",
      ].join("\n"),
      { executable: "UnrealEditor", project: "Harbor" },
    ).reverse();
    expect(frames[0]).toMatchObject({ instruction_addr: "0x00007ffb1a2b3c4d", package: "UnrealEditor-Harbor.dll", function: "ADock::Berth(int)", lineno: 42, in_app: true });
    expect(frames[1]).toMatchObject({ instruction_addr: "0x00000000049f4b1c", package: "libUnrealEditor-Engine.so", function: "UWorld::Tick(ELevelTick, float)", filename: "LevelTick.cpp", in_app: false });
  });

  it("reads macOS lines with and without a file", () => {
    const frames = unrealCallStackFrames(
      ["ADock::Berth(int) Address = 0x10bc5fc29 [/Users/dev/Harbor/Source/Harbor/Dock.cpp, line 42] [in Harbor]", "AActor::Tick(float) Address = 0x1090a0132 (filename not found) [in Harbor]", "_pthread_start Address = 0x7fff61c832a7 (filename not found) [in libsystem_pthread.dylib]"].join("\n"),
      { executable: "Harbor" },
    ).reverse();
    expect(frames[0]).toEqual({ function: "ADock::Berth(int)", instruction_addr: "0x10bc5fc29", abs_path: "/Users/dev/Harbor/Source/Harbor/Dock.cpp", filename: "Dock.cpp", lineno: 42, package: "Harbor", in_app: true });
    expect(frames[1]).toEqual({ function: "AActor::Tick(float)", instruction_addr: "0x1090a0132", package: "Harbor", in_app: true });
    expect(frames[2]).toMatchObject({ package: "libsystem_pthread.dylib", in_app: false });
  });

  it("skips what is not a frame and stays fast on a hostile line", () => {
    expect(unrealCallStackFrames("\n\n0x0000\n!!!\n", {})).toEqual([]);
    const started = performance.now();
    unrealCallStackFrames(`${"a!".repeat(40_000)}[${"x".repeat(20_000)}`, {});
    unrealCallStackFrames(`${"f Address = 0x1 ".repeat(5_000)}`, {});
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
