import { describe, expect, it } from "vitest";
import { goPanicKey } from "@/lib/grouping/message/goPanicKey";

describe("goPanicKey", () => {
  it("keys the runtime's errors as before the upgrade", () => {
    expect(goPanicKey("panic", "runtime error: integer divide by zero")).toEqual({ component: "runtime-error:runtime error: integer divide by zero", sinceUpgrade: false });
    expect(goPanicKey("fatal error", "runtime error: invalid memory address or nil pointer dereference", true)?.component).toBe(
      "runtime-error:runtime error: invalid memory address or nil pointer dereference",
    );
  });

  it("keys the runtime's unprefixed panics, fatal errors and an app's own panics on their message since the upgrade", () => {
    for (const message of ["assignment to entry in nil map", "send on closed channel", "close of closed channel", "close of nil channel", "interface conversion: interface {} is nil, not string", "unreachable: unknown currency"]) {
      expect(goPanicKey("panic", message), message).toEqual({ component: `panic:${message}`, sinceUpgrade: true });
    }
    for (const message of ["all goroutines are asleep - deadlock!", "out of memory", "stack overflow", "sync: unlock of unlocked mutex"]) {
      expect(goPanicKey("fatal error", message), message).toEqual({ component: `panic:${message}`, sinceUpgrade: true });
    }
  });

  it("keys the concurrent map access errors as one: which operation caught the race is chance", () => {
    const keys = ["concurrent map writes", "concurrent map read and map write", "concurrent map iteration and map write", "concurrent map clone and map write"].map((m) => goPanicKey("fatal error", m)?.component);
    expect(new Set(keys)).toEqual(new Set(["panic:concurrent map access"]));
    expect(goPanicKey("fatal error", "concurrent map writes and more")?.component).toBe("panic:concurrent map writes and more");
  });

  it("keys sentry-go's runtime error types on their message: runtime.plainError is one type for several panics", () => {
    expect(goPanicKey("runtime.plainError", "assignment to entry in nil map")?.component).toBe("panic:assignment to entry in nil map");
    expect(goPanicKey("runtime.errorString", "runtime error: integer divide by zero")?.component).toBe("panic:runtime error: integer divide by zero");
    expect(goPanicKey("*runtime.TypeAssertionError", "interface conversion: interface {} is string, not int")?.sinceUpgrade).toBe(true);
  });

  it("leaves other exceptions, empty messages and previous fingerprints' unprefixed panics unkeyed", () => {
    expect(goPanicKey("*errors.errorString", "connection refused")).toBeUndefined();
    expect(goPanicKey("*fs.PathError", "open /etc/a.yaml: no such file or directory")).toBeUndefined();
    expect(goPanicKey("runtimeish.Error", "x")).toBeUndefined();
    expect(goPanicKey("panic", "")).toBeUndefined();
    expect(goPanicKey("panic", "assignment to entry in nil map", true)).toBeUndefined();
    expect(goPanicKey("fatal error", "concurrent map writes", true)).toBeUndefined();
  });
});
