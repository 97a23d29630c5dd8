import { describe, expect, it } from "vitest";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

const goRepanic = [
  "panic: db closed [recovered]",
  "\tpanic: handler crashed: db closed",
  "",
  "goroutine 1 [running]:",
  "main.main.func1()",
  "\t/srv/app/main.go:40 +0x74",
  "panic({0x48d020, 0xc00008c210})",
  "\t/usr/lib/go-1.19/src/runtime/panic.go:884 +0x212",
  "main.main()",
  "\t/srv/app/main.go:43 +0x20c",
].join("\n");

const rustPanic = (thread: string) =>
  [
    "",
    `thread 'main'${thread} panicked at src/main.rs:7:14:`,
    'failed to load config: Custom { kind: NotFound, error: "config.toml missing" }',
    "stack backtrace:",
    "   0: rust_begin_unwind",
    "   4: shop::main",
    "             at ./src/main.rs:7:14",
  ].join("\n");

describe("runtimeHeader", () => {
  it("Go: the panic that ended the program, a recovered one's re-panic included; fatal errors", () => {
    expect(runtimeHeader(goRepanic, "go")).toEqual({ type: "panic", message: "handler crashed: db closed" });
    expect(runtimeHeader("fatal error: concurrent map writes\n\ngoroutine 21 [running]:\nmain.worker()", "go")).toEqual({ type: "fatal error", message: "concurrent map writes" });
    expect(runtimeHeader("panic: db closed [recovered, repanicked]\n\ngoroutine 1 [running]:\nmain.main()", "go")).toEqual({ type: "panic", message: "db closed" });
    expect(runtimeHeader("panic: validation failed:\n\temail is required\n\ngoroutine 1 [running]:\nmain.main()", "go")).toEqual({ type: "panic", message: "validation failed:\nemail is required" });
  });

  it("Rust: the message under 'panicked at' (with or without the thread id newer Rust prints), or quoted before 1.73", () => {
    const expected = { type: "panic", message: 'failed to load config: Custom { kind: NotFound, error: "config.toml missing" }' };
    expect(runtimeHeader(rustPanic(""), "rust")).toEqual(expected);
    expect(runtimeHeader(rustPanic(" (13911)"), "rust")).toEqual(expected);
    expect(runtimeHeader("thread 'main' panicked at 'index out of bounds: the len is 2 but the index is 7', src/main.rs:2:38\nnote: run with `RUST_BACKTRACE=1`", "rust")).toEqual({
      type: "panic",
      message: "index out of bounds: the len is 2 but the index is 7",
    });
  });

  it("C++: an uncaught exception's type and what() from libstdc++'s terminate message", () => {
    const text = "terminate called after throwing an instance of 'std::runtime_error'\n  what():  empty input\nAborted (core dumped)";
    expect(runtimeHeader(text, "unknown")).toEqual({ type: "std::runtime_error", message: "empty input" });
    expect(runtimeHeader("terminate called after throwing an instance of 'int'", "native")).toEqual({ type: "int", message: "" });
  });

  it("Swift: a runtime trap's message, in the 5.9+ and the older layout", () => {
    const expected = { type: "Fatal error", message: "Unexpectedly found nil while unwrapping an Optional value" };
    expect(runtimeHeader("App/main.swift:3: Fatal error: Unexpectedly found nil while unwrapping an Optional value\n\n💣 Program crashed", "native")).toEqual(expected);
    expect(runtimeHeader("Fatal error: Unexpectedly found nil while unwrapping an Optional value: file App/ViewController.swift, line 42\nCurrent stack trace:", "unknown")).toEqual(expected);
  });

  it("nothing for other languages or texts without a header", () => {
    expect(runtimeHeader(goRepanic, "python")).toBeUndefined();
    expect(runtimeHeader("goroutine 1 [running]:\nmain.main()", "go")).toBeUndefined();
  });
});

describe("a client that sends a placeholder type and no message", () => {
  const prepare = (type: string, message: string, stackTrace: string) => prepareEvent(IngestEventSchema.parse({ type, message, stackTrace }));
  const python = 'Traceback (most recent call last):\n  File "/app/shop/cart.py", line 12, in total\n    return prices[sku]\nKeyError: \'sku-42\'';

  it("gets the trace's own type and message, and the fingerprint the typed event gets", () => {
    expect(prepare("Error", "", python)).toMatchObject({ type: "KeyError", message: "'sku-42'" });
    expect(prepare("Exception", "", python).fingerprint).toBe(prepare("KeyError", "'sku-42'", python).fingerprint);
    expect(prepare("error", "", goRepanic)).toMatchObject({ type: "panic", message: "handler crashed: db closed" });
    expect(prepare("Error", "", rustPanic(""))).toMatchObject({ type: "panic", message: expect.stringContaining("config.toml missing") });
  });

  it("Node's uncaught-error preamble and util.inspect's bracketed header are not the type", () => {
    const uncaught = ["/srv/app/boot.js:2", "read(undefined);", "^", "", "TypeError: Cannot read properties of undefined (reading 'profile')", "    at read (/srv/app/boot.js:1:29)"].join("\n");
    expect(prepare("Error", "", uncaught)).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'profile')" });
    const aggregate = ["[AggregateError: All promises were rejected] {", "  [errors]: [", "    TypeError: a failed", "        at main (/srv/app/any.js:1:59)", "  ]", "}"].join("\n");
    expect(prepare("Error", "", aggregate)).toMatchObject({ type: "AggregateError", message: "All promises were rejected" });
  });

  it("Deno's and a browser console's 'Uncaught' prefixes are not the type", () => {
    const deno = "error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'id')\n    at getUser (file:///app/src/users.ts:12:21)";
    expect(prepare("Error", "", deno)).toMatchObject({ type: "TypeError", message: "Cannot read properties of undefined (reading 'id')" });
    const chrome = "Uncaught ReferenceError: cart is not defined\n    at HTMLButtonElement.onclick (https://shop.example.com/cart:12:5)";
    expect(prepare("Error", "", chrome)).toMatchObject({ type: "ReferenceError", message: "cart is not defined" });
  });

  it("keeps what the client did say: a real type, or its own message", () => {
    expect(prepare("CartLookupFailed", "", python)).toMatchObject({ type: "CartLookupFailed", message: "'sku-42'" });
    expect(prepare("Error", "cart total failed", python)).toMatchObject({ type: "KeyError", message: "cart total failed" });
  });
});
