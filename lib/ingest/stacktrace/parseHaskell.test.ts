import { describe, expect, it } from "vitest";
import { parseHaskell } from "@/lib/ingest/stacktrace/parseHaskell";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const HEAD_OF_EMPTY = `app: Prelude.head: empty list
CallStack (from HasCallStack):
  error, called at libraries/base/GHC/List.hs:1646:3 in base:GHC.List
  errorEmptyList, called at libraries/base/GHC/List.hs:85:11 in base:GHC.List
  head, called at src/Orders.hs:27:15 in shop-0.1.0-inplace:Orders
  total, called at app/Main.hs:9:3 in main:Main`;

describe("parseHaskell", () => {
  it("re-pairs each called function with the location that runs it, outermost first", () => {
    expect(parseHaskell(HEAD_OF_EMPTY)).toEqual([
      { module: "main:Main", filename: "app/Main.hs", lineno: 9, colno: 3 },
      { function: "total", module: "shop-0.1.0-inplace:Orders", filename: "src/Orders.hs", lineno: 27, colno: 15 },
      { function: "head", module: "base:GHC.List", filename: "libraries/base/GHC/List.hs", lineno: 85, colno: 11 },
      { function: "errorEmptyList", module: "base:GHC.List", filename: "libraries/base/GHC/List.hs", lineno: 1646, colno: 3 },
      { function: "error" },
    ]);
  });

  it("marks base as library code, main and the project's in-place packages as the app's", () => {
    const parsed = parseStackTrace(HEAD_OF_EMPTY);
    expect(parsed.language).toBe("haskell");
    expect(parsed.frames.map((f) => [f.function, f.inApp])).toEqual([
      [undefined, true],
      ["total", true],
      ["head", false],
      ["errorEmptyList", false],
      ["error", false],
    ]);
  });

  it("reads the error's own call stack of GHC 9.10's output, not the backtrace of where it was thrown", () => {
    const frames = parseHaskell(`shop: order 42 has no customer
CallStack (from HasCallStack):
  error, called at src/Shop/Orders.hs:42:11 in shop-0.1.0.0-inplace:Shop.Orders
  customerOf, called at src/Shop/Checkout.hs:27:15 in shop-0.1.0.0-inplace:Shop.Checkout
HasCallStack backtrace:
  collectBacktraces, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:92:13 in ghc-internal:GHC.Internal.Exception
  toExceptionWithBacktrace, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:128:3 in ghc-internal:GHC.Internal.Exception
  error, called at src/Shop/Orders.hs:42:11 in shop-0.1.0.0-inplace:Shop.Orders`);
    expect(frames?.map((f) => [f.function, f.module, f.lineno])).toEqual([
      [undefined, "shop-0.1.0.0-inplace:Shop.Checkout", 27],
      ["customerOf", "shop-0.1.0.0-inplace:Shop.Orders", 42],
      ["error", undefined, undefined],
    ]);
  });

  it("reads a backtrace alone (throwIO in GHC 9.10+), operators and primed names, a stack of one", () => {
    const frames = parseHaskell(`app: user 7 not found
HasCallStack backtrace:
  collectBacktraces, called at libraries/ghc-internal/src/GHC/Internal/Exception.hs:169:13 in ghc-internal:GHC.Internal.Exception
  toExceptionWithBacktrace, called at libraries/ghc-internal/src/GHC/Internal/IO.hs:260:11 in ghc-internal:GHC.Internal.IO
  throwIO, called at src/Users.hs:30:5 in users-1.2.0-inplace:Users
  !!, called at src/Users.hs:12:9 in users-1.2.0-inplace:Users
  lookup', called at app/Main.hs:12:3 in main:Main
`);
    expect(frames?.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      [undefined, "app/Main.hs", 12],
      ["lookup'", "src/Users.hs", 12],
      ["!!", "src/Users.hs", 30],
      ["throwIO", "libraries/ghc-internal/src/GHC/Internal/IO.hs", 260],
      ["toExceptionWithBacktrace", "libraries/ghc-internal/src/GHC/Internal/Exception.hs", 169],
      ["collectBacktraces", undefined, undefined],
    ]);
    expect(parseHaskell("*** Exception: bad\nCallStack (from HasCallStack):\n  error, called at src/A.hs:3:7 in main:Main")).toEqual([
      { module: "main:Main", filename: "src/A.hs", lineno: 3, colno: 7 },
      { function: "error" },
    ]);
  });

  it("is picked by the platform hints haskell and ghc", () => {
    expect(parseStackTrace(HEAD_OF_EMPTY, "haskell").language).toBe("haskell");
    expect(parseStackTrace(HEAD_OF_EMPTY, "ghc").language).toBe("haskell");
  });

  it("claims no other language's trace, and no look-alike prose", () => {
    expect(parseHaskell('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseHaskell("Error: boom\n    at f (/app/a.js:1:2)")).toBeNull();
    expect(parseHaskell("Alice, called at 10:30:00 in room:B")).toBeNull();
    expect(parseHaskell("f, called at src/A.hs:3 in main:Main")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [", called at ".repeat(300), `f, called at ${"a:1".repeat(1300)} in ${" in ".repeat(10)}`, `f, called at x:1:2 in ${"a:".repeat(1500)}`]) {
      expect(() => parseHaskell(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
