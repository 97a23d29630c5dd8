import { describe, expect, it } from "vitest";
import { issueTitle } from "@/lib/domain/issueTitle";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { buildUnrealCrash, harborReportFiles, type HarborReport } from "@/lib/sentry/__fixtures__/buildUnrealCrash";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { readUnrealCrash } from "@/lib/sentry/unreal/readUnrealCrash";
import { unrealCrashEvent } from "@/lib/sentry/unreal/unrealCrashEvent";

const RECEIVED_AT = new Date();
const contentsOf = async (report: HarborReport, layout: "cr1" | "legacy" = "cr1") => unrealCrashEvent(await readUnrealCrash(buildUnrealCrash({ files: harborReportFiles(report), layout }), 1 << 24));
const prepared = async (report: HarborReport = {}): Promise<PreparedEvent> => prepareEvent(unpackStoreEvent((await contentsOf(report)).event)[0], RECEIVED_AT);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];
const dump = buildMinidump({ arch: 9, platform: 2, exceptionCode: 0xc0000005, information: 0n, address: 8n, pc: 0x140001234n, modules: [{ name: "C:\\Games\\Harbor\\HarborGame.exe", base: 0x140000000n, size: 0x100000 }] });

describe("an Unreal crash report as an event", () => {
  it("an assert: titled by Unreal's text, fatal, its symbolicated stack with the game's frames in-app", async () => {
    const event = await prepared();
    expect(issueTitle(event)).toBe("Assertion failed: Ship != nullptr [File:D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp] [Line: 42] no ship to berth");
    expect(event.severity).toBe("critical");
    expect(event.frames.at(-1)).toMatchObject({ function: "FDebug::CheckVerifyFailedImpl()", inApp: false });
    expect(event.frames.at(-2)).toMatchObject({ function: "ADock::Berth()", filename: "Dock.cpp", lineno: 42, module: "HarborGame", inApp: true });
    expect(event.frames[0]).toMatchObject({ module: "ntdll", inApp: false });
    expect([tag(event, "crash_type"), tag(event, "build_configuration")]).toEqual(["Assert", "Shipping"]);
  });

  it("the same assert after a patch (line moved) is one issue; another assert is another", async () => {
    const first = await prepared();
    expect((await prepared({ line: 47, guid: "1123456789ABCDEF0123456789ABCDEF" })).fingerprint).toBe(first.fingerprint);
    const other = await prepared({ errorMessage: "Assertion failed: Berths.Num() > 0 [File:Dock.cpp] [Line: 90]", callStack: "HarborGame!ADock::Release() [D:\\Build\\Harbor\\Source\\Harbor\\Dock.cpp:90]\r\nHarborGame!GuardedMain()" });
    expect(other.fingerprint).not.toBe(first.fingerprint);
  });

  it("an ensure is an error the game survived (handled); the event id is the CrashGUID's", async () => {
    const { event } = await contentsOf({ crashType: "Ensure", errorMessage: "Ensure condition failed: Cargo.IsValid() [File:Cargo.cpp] [Line: 12]" });
    expect(event.event_id).toBe("0123456789abcdef0123456789abcdef");
    expect(event).toMatchObject({ level: "error", exception: { values: [{ type: "Ensure condition failed", value: "Cargo.IsValid() [File:Cargo.cpp] [Line: 12]", mechanism: { handled: true } }] } });
  });

  it("reads the machine, the log tail as breadcrumbs, the player's login as the user (never the OS user name)", async () => {
    const { event } = await contentsOf({}, "legacy");
    expect(event.contexts).toMatchObject({ os: { name: "Windows 11" }, device: { cpu_description: "AMD Ryzen 7 7800X3D 8-Core Processor", processor_count: 16, memory_size: 34359738368 }, gpu: { name: "NVIDIA GeForce RTX 4070" }, unreal: { engine_version: "5.4.4-35576357+++UE5+Release-5.4", seconds_since_start: 913 } });
    expect(event.user).toEqual({ id: "a1b2c3d4e5f60718293a4b5c6d7e8f90" });
    expect(JSON.stringify(event)).not.toContain("captain");
    expect(event.breadcrumbs).toEqual([
      expect.objectContaining({ category: "LogInit", level: "info" }),
      expect.objectContaining({ category: "LogHarbor", level: "warning", message: "Dock 3 has no free berth" }),
      expect.objectContaining({ category: "LogHarbor", level: "error", message: "Berthing ship 7 failed" }),
    ]);
    expect(Math.abs((event.timestamp as number) * 1000 - Date.now())).toBeLessThan(60_000);
  });

  it("takes release, environment, user, tags and contexts from sentry-unreal's scope in GameData", async () => {
    const event = await prepared({ sentryScope: { release: "harbor@1.4.0", environment: "playtest", user: { id: "player-77", email: "p77@example.com" }, tags: { map: "Docklands" } } });
    expect([event.release, event.environment, event.userId, tag(event, "map")]).toEqual(["harbor@1.4.0", "playtest", "player-77", "Docklands"]);
  });

  it("attaches every file (the minidump as event.minidump) and keeps the player's description as a user report", async () => {
    const { attachments, feedback } = await contentsOf({ minidump: dump, userDescription: "I docked the ferry and it crashed" });
    expect(attachments.map((a) => [a.filename, a.attachmentType])).toEqual([
      ["CrashContext.runtime-xml", "event.attachment"],
      ["CrashReportClient.ini", "event.attachment"],
      ["HarborGame.log", "event.attachment"],
      ["UEMinidump.dmp", "event.minidump"],
    ]);
    expect(feedback).toEqual([expect.objectContaining({ eventId: "0123456789abcdef0123456789abcdef", comments: "I docked the ferry and it crashed", source: "user_report" })]);
  });

  it("without a symbolicated stack: the minidump's crash module is the frame, so crashes there group together", async () => {
    const crash = { callStack: "", crashType: "Crash" as const, errorMessage: "Unhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x0000000000000008", minidump: dump };
    const event = await prepared(crash);
    expect([event.type, event.message]).toEqual(["EXCEPTION_ACCESS_VIOLATION", "reading address 0x0000000000000008"]);
    expect(event.frames).toEqual([expect.objectContaining({ module: "C:\\Games\\Harbor\\HarborGame.exe" })]);
    expect((await prepared({ ...crash, guid: "2223456789ABCDEF0123456789ABCDEF", errorMessage: "Unhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x0000000000000010" })).fingerprint).toBe(event.fingerprint);
  });

  it("a macOS report: the Apple crash report's crashed thread when the engine printed no stack", async () => {
    const apple = ["Process:         HarborGame [4711]", "Exception Type:  SIGSEGV", "Crashed Thread:  1", "", "Thread 0:", "0   libsystem_kernel.dylib        0x00007fff61bc6c2a mach_msg_trap + 10", "", "Thread 1 Crashed:", "0   HarborGame                    0x0000000108b7092b ADock::Berth() + 27", "1   HarborGame                    0x0000000108b7a001 AHarborGameMode::Tick(float) + 101", ""].join("\n");
    const event = await prepared({ callStack: "", crashType: "Crash", errorMessage: " SEGV_MAPERR at 0x88", minidump: Buffer.from(apple) });
    expect(event.type).toBe("SIGSEGV");
    expect(event.frames.map((f) => f.function)).toEqual(["AHarborGameMode::Tick(float)", "ADock::Berth()"]);
  });
});
