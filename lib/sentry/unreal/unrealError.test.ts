import { describe, expect, it } from "vitest";
import { unrealErrorOf } from "@/lib/sentry/unreal/unrealError";

describe("unrealErrorOf", () => {
  it.each([
    ["Assertion failed: Ship != nullptr [File:D:\\Harbor\\Dock.cpp] [Line: 42] \nno ship", "Assert", "Assertion failed", "Ship != nullptr [File:D:\\Harbor\\Dock.cpp] [Line: 42] \nno ship"],
    ["Ensure condition failed: Berths.Num() > 0 [File:Dock.cpp] [Line: 77]", "Ensure", "Ensure condition failed", "Berths.Num() > 0 [File:Dock.cpp] [Line: 77]"],
    ["Fatal error: [File:Dock.cpp] [Line: 90] Out of berths", "Crash", "Fatal error", "[File:Dock.cpp] [Line: 90] Out of berths"],
    ["Unhandled Exception: EXCEPTION_ACCESS_VIOLATION reading address 0x0000000000000008", "Crash", "EXCEPTION_ACCESS_VIOLATION", "reading address 0x0000000000000008"],
    ["Caught signal 11 Segmentation fault", "Crash", "SIGSEGV", "Segmentation fault"],
    [" SEGV_MAPERR at 0x88", "Crash", "SIGSEGV", "SEGV_MAPERR at 0x88"],
    ["GPU Crashed or D3D Device Removed.", "GPUCrash", "GPUCrash", "GPU Crashed or D3D Device Removed."],
    ["", "Hang", "Hang", "Unreal Engine hang without an error message"],
  ])("%j (%s)", (message, crashType, type, value) => {
    expect(unrealErrorOf(message, crashType)).toEqual({ type, value });
  });
});
