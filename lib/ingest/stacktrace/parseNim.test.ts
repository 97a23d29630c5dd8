import { describe, expect, it } from "vitest";
import { parseNim } from "@/lib/ingest/stacktrace/parseNim";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const INDEX = `Traceback (most recent call last)
/home/dev/app/main.nim(10) main
/home/dev/app/main.nim(5) handler
/usr/lib/nim/system/fatal.nim(53) sysFatal
Error: unhandled exception: index 10 not in 0 .. 2 [IndexDefect]`;

const PYTHON = `Traceback (most recent call last):
  File "/app/main.py", line 12, in <module>
    main()
  File "/app/main.py", line 8, in main
    handler(items)
  File "/app/handler.py", line 3, in handler
    return items[10]
IndexError: list index out of range`;

describe("parseNim", () => {
  it("reads a traceback, already outermost first", () => {
    expect(parseNim(INDEX)).toEqual([
      { function: "main", filename: "/home/dev/app/main.nim", absPath: "/home/dev/app/main.nim", lineno: 10 },
      { function: "handler", filename: "/home/dev/app/main.nim", absPath: "/home/dev/app/main.nim", lineno: 5 },
      { function: "sysFatal", filename: "/usr/lib/nim/system/fatal.nim", absPath: "/usr/lib/nim/system/fatal.nim", lineno: 53 },
    ]);
  });

  it("reads padded columns, files without their directory, operators; stops at a re-raise and the async traceback", () => {
    const frames = parseNim(`Traceback (most recent call last)
main.nim(20)             main
orders.nim(12)           customerOf
tables.nim(233)          []
  config.nims(4)         task
[[reraised from:
main.nim(20)             main
]]
Async traceback:
  main.nim(30)           handler`);
    expect(frames?.map((f) => [f.function, f.filename, f.lineno])).toEqual([
      ["main", "main.nim", 20],
      ["customerOf", "orders.nim", 12],
      ["[]", "tables.nim", 233],
      ["task", "config.nims", 4],
    ]);
  });

  it("marks the standard library (system, choosenim, bare stdlib files) and nimble packages as library code", () => {
    const text = `Traceback (most recent call last)
/srv/shop/src/shop.nim(9) shop
/home/dev/.nimble/pkgs2/jester-0.6.0-4bb6d7ae93d8c3b2/jester.nim(495) handleRequest
/srv/shop/src/shop/orders.nim(42) customerOf
/home/dev/.choosenim/toolchains/nim-2.0.2/lib/pure/collections/tables.nim(233) []
chcks.nim(49) raiseIndexError2
Error: unhandled exception: key not found: 42 [KeyError]`;
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("nim");
    expect(parsed.frames.map((f) => [f.function, f.inApp])).toEqual([
      ["shop", true],
      ["handleRequest", false],
      ["customerOf", true],
      ["[]", false],
      ["raiseIndexError2", false],
    ]);
  });

  it("Nim stays Nim and Python stays Python, though both open with 'Traceback (most recent call last)'", () => {
    expect(parseStackTrace(INDEX).language).toBe("nim");
    expect(parseStackTrace(INDEX, "nim").language).toBe("nim");
    expect(parsePython(INDEX)).toBeNull();
    const python = parseStackTrace(PYTHON);
    expect(python.language).toBe("python");
    expect(python.frames.map((f) => f.function)).toEqual(["<module>", "main", "handler"]);
    expect(parseNim(PYTHON)).toBeNull();
  });

  it("claims no other language's trace, compiler messages or prose", () => {
    expect(parseNim("#0 /var/www/app/src/Cart.php(12): App\\Cart->total()\n#1 {main}")).toBeNull();
    expect(parseNim("/home/dev/app/main.nim(5, 10) Error: type mismatch: got <string> but expected 'int'")).toBeNull();
    expect(parseNim("see main.nim(3) for details")).toBeNull();
    expect(parseNim("in file main.nim(3) x")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [".nim(1) ".repeat(500), `${"a".repeat(4000)}.nim(1) x`, `/a b${".nim(".repeat(800)}1) c`, `x.nim(${"9".repeat(3000)})`]) {
      expect(() => parseNim(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
