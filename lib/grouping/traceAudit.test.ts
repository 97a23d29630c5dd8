import { describe, expect, it } from "vitest";
import { classifyFrame } from "@/lib/grouping/frames/classifyFrame";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { parameteriseMessage } from "@/lib/ingest/parameteriseMessage";
import { guessInApp } from "@/lib/ingest/stacktrace/inApp";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";

const group = (stackTrace: string, platform?: string) => groupEvent({ type: "Error", message: "", stackTrace, ...(platform && { platform }) });

describe("Go: a panic net/http recovered and logged", () => {
  const logged = (error: string) =>
    [
      `2025/02/11 17:03:45 http: panic serving 172.18.0.4:39112: ${error}`,
      "goroutine 41 [running]:",
      "net/http.(*conn).serve.func1()",
      "\t/usr/local/go/src/net/http/server.go:1903 +0xbe",
      "panic({0x71c2a0?, 0xc000192018?})",
      "\t/usr/local/go/src/runtime/panic.go:770 +0x132",
      "github.com/acme/ledger/api.(*Server).getInvoice(0xc0001a4000, {0x8a1b40, 0xc0002c6000}, 0xc0002d2000)",
      "\t/build/api/invoices.go:57 +0x1f4",
      "net/http.HandlerFunc.ServeHTTP(0xc0001b2010?, {0x8a1b40?, 0xc0002c6000?}, 0xc0002d2000?)",
      "\t/usr/local/go/src/net/http/server.go:2171 +0x29",
    ].join("\n");

  it("is typed panic with the runtime error as its message", () => {
    expect(group(logged("runtime error: slice bounds out of range [:9] with capacity 4"))).toMatchObject({ type: "panic", message: "runtime error: slice bounds out of range [:9] with capacity 4" });
  });

  it("two runtime errors in one handler are two issues; one with other indexes is one", () => {
    const bounds = group(logged("runtime error: slice bounds out of range [:9] with capacity 4")).fingerprint;
    expect(group(logged("runtime error: slice bounds out of range [:12] with capacity 7")).fingerprint).toBe(bounds);
    expect(group(logged("runtime error: invalid memory address or nil pointer dereference")).fingerprint).not.toBe(bounds);
  });
});

describe("Deno's runtime internals", () => {
  it("ext: modules are no app code and not keyed", () => {
    for (const file of ["ext:core/01_core.js", "ext:cli/40_test.js", "ext:deno_http/00_serve.ts"]) {
      const frame = { function: "eventLoopTick", filename: file, absPath: file, lineno: 168 };
      expect(classifyFrame(frame, "javascript"), file).toBe("skip");
      expect(guessInApp(frame, "javascript"), file).toBe(false);
    }
  });

  it("two errors in two modules that only share the event loop stay apart", () => {
    const a = group("error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'sku')\n    at file:///srv/shop/cart.ts:18:9\n    at eventLoopTick (ext:core/01_core.js:175:7)");
    const b = group("error: Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'email')\n    at file:///srv/shop/accounts.ts:52:3\n    at eventLoopTick (ext:core/01_core.js:175:7)");
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});

describe("Loguru's tracebacks", () => {
  it("the catch point's frame ('> File …') is read", () => {
    const text = 'Traceback (most recent call last):\n\n  File "/srv/etl/run.py", line 9, in <module>\n    main()\n    └ <function main at 0x7f00>\n\n> File "/srv/etl/run.py", line 6, in main\n    load()\n\n  File "/srv/etl/load.py", line 3, in load\n    raise ValueError("bad row")\n\nValueError: bad row';
    expect(parsePython(text)?.map((f) => f.function)).toEqual(["<module>", "main", "load"]);
  });
});

describe("a header line longer than a frame line", () => {
  it("keeps its type and message", () => {
    const message = `rejected: ${"z".repeat(5000)}`;
    const grouped = group(`Traceback (most recent call last):\n  File "/srv/etl/run.py", line 2, in <module>\n    check()\nValueError: ${message}`);
    expect(grouped).toMatchObject({ type: "ValueError", message });
  });
});

describe("variable parts of messages", () => {
  it("a JVM identity hash of fewer than 8 hex digits", () => {
    expect(parameteriseMessage("StandaloneCoroutine{Cancelling}@3f2c1a9")).toBe("StandaloneCoroutine{Cancelling}@<hex>");
    expect(parameteriseMessage("pool HikariPool@5b1e2")).toBe("pool HikariPool@<hex>");
    expect(parameteriseMessage("Deadline@1fa3b2c4 passed")).toBe("Deadline@<hex> passed");
  });

  it("PostgreSQL's DETAIL keeps the key's columns, not its values", () => {
    expect(parameteriseMessage("DETAIL:  Key (tenant_id, slug)=(7, spring-sale) already exists.")).toBe("DETAIL:  Key (tenant_id, slug)=(<value>) already exists.");
    expect(parameteriseMessage('DETAIL:  Key (customer_id)=(9921) is not present in table "customers".')).toBe("DETAIL:  Key (customer_id)=(<value>) is not present in table <str>.");
  });
});

describe("a Node trace sent without a platform", () => {
  it("keeps its async callers, as Node's do", () => {
    const trace = (caller: string) => `Error: lock timeout\n    at acquire (/srv/api/src/locks.js:22:11)\n    at async ${caller} (/srv/api/src/jobs.js:40:5)`;
    expect(group(trace("reindex")).fingerprint).not.toBe(group(trace("purge")).fingerprint);
    expect(group(trace("reindex")).fingerprint).toBe(group(trace("reindex"), "node").fingerprint);
  });

  it("a browser's trace still drops them", () => {
    const trace = (caller: string) => `Error: lock timeout\n    at acquire (https://shop.example.org/assets/app.js:22:11)\n    at async ${caller} (https://shop.example.org/assets/app.js:40:5)`;
    expect(group(trace("reindex")).fingerprint).toBe(group(trace("purge")).fingerprint);
  });
});

describe("Python's standard library on Windows", () => {
  it("is library code by its path", () => {
    for (const path of ["C:\\Users\\ana\\AppData\\Local\\Programs\\Python\\Python311\\Lib\\csv.py", "C:\\ProgramData\\Anaconda3\\Lib\\json\\decoder.py"]) {
      const frame = { function: "reader", filename: path, absPath: path, lineno: 10 };
      expect(classifyFrame(frame, "python"), path).toBe("library");
      expect(guessInApp(frame, "python"), path).toBe(false);
    }
    expect(guessInApp({ function: "main", filename: "C:\\work\\etl\\lib\\rows.py", lineno: 4 }, "python")).toBe(true);
  });
});

describe("Firefox's async causes", () => {
  it("'promise callback*f' and 'setTimeout handler*f' frames are read as async boundaries", () => {
    const text = "TypeError: can't access property \"id\", order is null\nshowOrder@https://shop.example.org/assets/app.js:4:210\npromise callback*loadOrders@https://shop.example.org/assets/app.js:9:55\nsetTimeout handler*poll@https://shop.example.org/assets/app.js:12:3";
    expect(group(text).exceptions[0].frames.map((f) => f.function)).toEqual(["async*poll", "async*loadOrders", "showOrder"]);
  });
});
