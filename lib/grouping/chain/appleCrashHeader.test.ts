import { describe, expect, it } from "vitest";
import { appleCrashHeader } from "@/lib/grouping/chain/appleCrashHeader";
import { groupEvent } from "@/lib/grouping/groupEvent";

const header = (exceptionType: string, extra = "") => `Incident Identifier: 9F0E1D2C-3B4A-5968-7A6B-5C4D3E2F1A0B
Hardware Model:      iPhone15,3
Process:             Larder [4107]
Path:                /private/var/containers/Bundle/Application/0B1C2D3E-4F5A-6B7C-8D9E-0F1A2B3C4D5E/Larder.app/Larder
Identifier:          app.larder.ios
Version:             3.4 (812)
OS Version:          iPhone OS 17.5 (21F79)

Exception Type:  ${exceptionType}
Exception Codes: KERN_INVALID_ADDRESS at 0x0000000000000010
Triggered by Thread:  0
${extra}
Thread 0 name:  Dispatch queue: com.apple.main-thread
Thread 0 Crashed:
0   libsystem_kernel.dylib        	0x00000001e2c1d2a4 __pthread_kill + 8
1   Larder                        	0x0000000104a1b2c4 PantryStore.remove(at:) + 188 (PantryStore.swift:64)
2   Larder                        	0x0000000104a1c3d8 PantryViewController.deleteItem(_:) + 72 (PantryViewController.swift:121)
3   UIKitCore                     	0x00000001a5b6c7d8 -[UIApplication sendAction:to:from:forEvent:] + 100
`;

describe("appleCrashHeader", () => {
  it("types a crash report by its Mach exception, its signal the message", () => {
    expect(appleCrashHeader(header("EXC_BAD_ACCESS (SIGSEGV)").split("\n"))).toEqual({ type: "EXC_BAD_ACCESS", message: "SIGSEGV" });
    expect(appleCrashHeader(header("EXC_BREAKPOINT").split("\n"))).toEqual({ type: "EXC_BREAKPOINT", message: "" });
  });

  it("prefers the uncaught exception that aborted the app", () => {
    const extra = "\nApplication Specific Information:\n*** Terminating app due to uncaught exception 'NSRangeException', reason: '*** -[__NSArrayM removeObjectAtIndex:]: index 7 beyond bounds [0 .. 3]'\n";
    expect(appleCrashHeader(header("EXC_CRASH (SIGABRT)", extra).split("\n"))).toEqual({ type: "NSRangeException", message: "*** -[__NSArrayM removeObjectAtIndex:]: index 7 beyond bounds [0 .. 3]" });
  });

  it("is no crash report without its Exception Type line", () => {
    expect(appleCrashHeader(["Thread 0 Crashed:", "0   Larder  0x1 main + 4"])).toBeUndefined();
  });

  it("titles and keys a report sent with a placeholder type (it was 'Error'): two exceptions at one place are two issues", () => {
    const segv = groupEvent({ type: "Error", message: "", stackTrace: header("EXC_BAD_ACCESS (SIGSEGV)") });
    const trap = groupEvent({ type: "Error", message: "", stackTrace: header("EXC_BREAKPOINT (SIGTRAP)") });
    expect(segv).toMatchObject({ type: "EXC_BAD_ACCESS", message: "SIGSEGV" });
    expect(segv.fingerprint).not.toBe(trap.fingerprint);
  });
});
