import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { issueTitle } from "@/lib/domain/issueTitle";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { unrealCrashEvent, unrealEnsureEvent, unrealHangEvent } from "@/lib/sentry/__fixtures__/sdk-unreal";

/**
 * What sentry-unreal sends from a Windows build (through sentry-native), through unpack →
 * prepareEvent → culpritOf. Payload shapes: lib/sentry/__fixtures__/sdk-unreal.ts.
 */

const RECEIVED_AT = new Date("2026-03-14T12:05:00.000Z");
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const culprit = (e: PreparedEvent) => culpritOf(e.frames, e.platform, e.exceptions);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];

describe("sentry-unreal: a failed ensure()", () => {
  const ensure = prepare(unrealEnsureEvent("a0b1c2d3e4f54a6b7c8d9e0f1a2b3c4d", 0x7ff6a0000000n));

  it("is titled by Unreal's ensure text, at error severity, with the CrashType tag", () => {
    expect(issueTitle(ensure)).toBe("Ensure failed: Ensure condition failed: Ship != nullptr [File:D:\\build\\Harbor\\Source\\Harbor\\Dock.cpp] [Line: 42]");
    expect(ensure.severity).toBe("high");
    expect(tag(ensure, "CrashType")).toBe("Ensure");
  });

  it("takes the capturing thread's stack from the event's own stacktrace, each address named by its binary", () => {
    expect(ensure.frames).toHaveLength(5);
    expect(ensure.frames.at(-1)).toMatchObject({ module: "C:\\Games\\Harbor\\Binaries\\Win64\\HarborGame-Win64-Shipping.exe", instructionAddr: "0x7ff6a0a1020c", imageAddr: "0x7ff6a0000000" });
    expect(culprit(ensure)).toBe("HarborGame-Win64-Shipping.exe");
  });

  it("groups the same ensure after a restart and a patch (other load address, line moved) with the first", () => {
    expect(prepare(unrealEnsureEvent("b1c2d3e4f5a64b7c8d9e0f1a2b3c4d5f", 0x7ff7b0000000n, 45)).fingerprint).toBe(ensure.fingerprint);
  });

  it("keeps another ensure apart", () => {
    expect(prepare(unrealEnsureEvent("c2d3e4f5a6b74c8d9e0f1a2b3c4d5e60", 0x7ff6a0000000n, 77, "Berths.Num() > 0")).fingerprint).not.toBe(ensure.fingerprint);
  });
});

describe("sentry-unreal: hangs and crashes", () => {
  it("a hang: App Hanging, its stack from the exception", () => {
    const hang = prepare(unrealHangEvent);
    expect([hang.type, hang.message, tag(hang, "mechanism")]).toEqual(["App Hanging", "Application not responding", "AppHang"]);
    expect(hang.frames).toHaveLength(4);
  });

  it("a crash: the access violation, fatal, unhandled, blamed on the game binary", () => {
    const crash = prepare(unrealCrashEvent);
    expect(issueTitle(crash)).toBe("EXCEPTION_ACCESS_VIOLATION: AccessViolation");
    expect([crash.severity, tag(crash, "handled"), tag(crash, "CrashType")]).toEqual(["critical", "no", "Crash"]);
    expect(culprit(crash)).toBe("HarborGame-Win64-Shipping.exe");
  });
});
