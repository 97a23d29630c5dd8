import { describe, expect, it } from "vitest";
import { BASE, SAMPLES } from "@/lib/ingest/__fixtures__/sampleTraces";
import { FrameSchema } from "@/lib/ingest/stacktrace/frame";
import { parseDotnet } from "@/lib/ingest/stacktrace/parseDotnet";
import { parseFirefoxSafari } from "@/lib/ingest/stacktrace/parseFirefoxSafari";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";
import { parseJava } from "@/lib/ingest/stacktrace/parseJava";
import { parsePhp } from "@/lib/ingest/stacktrace/parsePhp";
import { parsePython } from "@/lib/ingest/stacktrace/parsePython";
import { parseRuby } from "@/lib/ingest/stacktrace/parseRuby";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { parseV8 } from "@/lib/ingest/stacktrace/parseV8";

const last = <T>(xs: T[]) => xs[xs.length - 1];

describe("parseStackTrace language detection", () => {
  for (const [name, sample] of Object.entries(SAMPLES)) {
    const { text } = sample.make(BASE);
    it(`detects ${name} without a hint`, () => {
      const parsed = parseStackTrace(text);
      expect(parsed.language).toBe(sample.language);
      expect(parsed.frames.length).toBeGreaterThan(2);
    });
    it(`parses ${name} with platform hint "${sample.hint}"`, () => {
      expect(parseStackTrace(text, sample.hint).language).toBe(sample.language);
    });
  }

  it("falls back to detection when the hint is wrong", () => {
    expect(parseStackTrace(SAMPLES.python.make(BASE).text, "java").language).toBe("python");
  });

  it("ignores unknown and prototype-named hints", () => {
    expect(parseStackTrace(SAMPLES.go.make(BASE).text, "constructor").language).toBe("go");
    expect(parseStackTrace(SAMPLES.go.make(BASE).text, "cobol").language).toBe("go");
  });

  it("returns unknown with no frames for plain text", () => {
    expect(parseStackTrace("something went wrong\nplease retry")).toEqual({ language: "unknown", frames: [] });
    expect(parseStackTrace("")).toEqual({ language: "unknown", frames: [] });
  });

  it("fills in inApp for every frame", () => {
    const { frames } = parseStackTrace(SAMPLES.v8.make(BASE).text);
    expect(frames.every((f) => typeof f.inApp === "boolean")).toBe(true);
    expect(frames.filter((f) => f.inApp).map((f) => f.function)).toEqual(["async handleRequest", "getUserEmail"]);
  });
});

describe("parseV8", () => {
  it("parses named, anonymous, async, constructor and builtin frames, outermost first", () => {
    const frames = parseV8(`Error: boom
    at new Widget (/app/src/widget.js:10:11)
    at /app/src/index.js:3:1
    at async Promise.all (index 0)
    at Object.<anonymous> (C:\\app\\main.js:1:2)
    at eval (eval at run (/app/src/run.js:5:3), <anonymous>:1:1)
    at Array.forEach (<anonymous>)
    at file:///app/src/esm.mjs:7:9`);
    expect(frames).toEqual([
      { filename: "file:///app/src/esm.mjs", absPath: "file:///app/src/esm.mjs", lineno: 7, colno: 9 },
      { function: "Array.forEach" },
      { function: "eval", filename: "/app/src/run.js", absPath: "/app/src/run.js", lineno: 5, colno: 3 },
      { function: "Object.<anonymous>", filename: "C:\\app\\main.js", absPath: "C:\\app\\main.js", lineno: 1, colno: 2 },
      { function: "async Promise.all" },
      { filename: "/app/src/index.js", absPath: "/app/src/index.js", lineno: 3, colno: 1 },
      { function: "new Widget", filename: "/app/src/widget.js", absPath: "/app/src/widget.js", lineno: 10, colno: 11 },
    ]);
  });

  it("returns null for non-V8 text", () => {
    expect(parseV8("just a message")).toBeNull();
    expect(parseV8(SAMPLES.python.make(BASE).text)).toBeNull();
  });
});

describe("parseFirefoxSafari", () => {
  it("parses Firefox frames including async boundaries, closures and eval", () => {
    const frames = parseFirefoxSafari(`render@https://x.test/app.js:10:5
async*Page/<@https://x.test/app.js:20:7
@https://x.test/app.js line 2 > eval:1:5
@debugger eval code:1:1`)!;
    // "debugger eval code" has no file and is skipped; the eval frame maps to its file.
    expect(frames.map((f) => f.function)).toEqual([undefined, "async*Page/<", "render"]);
    expect(frames[0]).toMatchObject({ filename: "https://x.test/app.js" });
    expect(last(frames)).toMatchObject({ lineno: 10, colno: 5 });
  });

  it("parses Safari frames including [native code] and bare locations", () => {
    const frames = parseFirefoxSafari(SAMPLES.safari.make(BASE).text)!;
    expect(frames.map((f) => f.function)).toEqual(["global code", undefined, "loadSettings", "parseSettings", "parse"]);
    expect(frames[1]).toMatchObject({ filename: "https://app.example.com/assets/index-BVHUl9xT.js", lineno: 2 });
  });

  it("does not mistake message lines with an email for frames", () => {
    expect(parseFirefoxSafari("Error: cannot mail bob@example.com:25")).toBeNull();
  });
});

describe("parsePython", () => {
  it("parses frames with context lines, outermost first", () => {
    const frames = parsePython(SAMPLES.python.make(BASE).text)!;
    expect(frames).toHaveLength(3);
    expect(last(frames)).toMatchObject({
      function: "load_profile",
      filename: "/home/alice/app/api/profiles.py",
      lineno: 23,
      contextLine: "return CACHE[key]",
    });
  });

  it("uses the last traceback of a chained exception (the one that propagated)", () => {
    const frames = parsePython(`Traceback (most recent call last):
  File "/app/db.py", line 10, in connect
    sock.connect(addr)
ConnectionRefusedError: [Errno 111] Connection refused

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/main.py", line 3, in <module>
    db.connect()
  File "/app/db.py", line 12, in connect
    raise DatabaseError("down")
DatabaseError: down`)!;
    expect(frames.map((f) => f.function)).toEqual(["<module>", "connect"]);
    expect(frames[1].lineno).toBe(12);
  });

  it("reads faulthandler's dump of a fatal error: the current thread, most recent call first", () => {
    const text = `Fatal Python error: Segmentation fault

Thread 0x00007f5a7b2ff640 (most recent call first):
  File "/usr/lib/python3.11/threading.py", line 324 in wait

Current thread 0x00007f5a8c9b4740 (most recent call first):
  File "/app/imaging/resize.py", line 41 in thumbnail
  File "/app/main.py", line ??? in <module>

Extension modules: PIL._imaging (total: 1)
Segmentation fault (core dumped)`;
    expect(parseStackTrace(text)).toEqual({
      language: "python",
      frames: [
        { function: "<module>", filename: "/app/main.py", absPath: "/app/main.py", inApp: true },
        { function: "thumbnail", filename: "/app/imaging/resize.py", absPath: "/app/imaging/resize.py", lineno: 41, inApp: true },
      ],
    });
    expect(parsePython('Stack (most recent call first):\n  File "/app/a.py", line 3 in f')).toEqual([{ function: "f", filename: "/app/a.py", absPath: "/app/a.py", lineno: 3 }]);
  });
});

describe("parseJava", () => {
  it("parses the first exception only, stripping module prefixes", () => {
    const frames = parseJava(SAMPLES.java.make({ ...BASE, host: 1 }).text)!;
    expect(frames.map((f) => `${f.module}.${f.function}`)).toEqual([
      "com.acme.shop.Main.main",
      "com.acme.shop.billing.PaymentService.processAll",
      "java.util.ArrayList.forEach",
      "com.acme.shop.billing.PaymentService.lambda$processAll$0",
      "com.acme.shop.billing.PaymentService.charge",
    ]);
    expect(last(frames)).toMatchObject({ filename: "PaymentService.java", lineno: 142 });
  });

  it("handles Native Method, Unknown Source and hidden lambda classes", () => {
    const frames = parseJava(`java.lang.NullPointerException
	at jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
	at com.acme.Foo$$Lambda$14/0x0000000800c0b000.accept(Unknown Source)
	at com.acme.Foo.run(Foo.kt)`)!;
    expect(frames).toEqual([
      { module: "com.acme.Foo", function: "run", filename: "Foo.kt" },
      { module: "com.acme.Foo$$Lambda$14/0x0000000800c0b000", function: "accept" },
      { module: "jdk.internal.reflect.NativeMethodAccessorImpl", function: "invoke0" },
    ]);
  });

  it("uses the first section when the text starts with Caused by", () => {
    const frames = parseJava(`Caused by: java.io.IOException: x
	at com.acme.A.a(A.java:1)
Caused by: java.io.EOFException
	at com.acme.B.b(B.java:2)`)!;
    expect(frames.map((f) => f.function)).toEqual(["a"]);
  });

  it("rejects .NET frames", () => {
    expect(parseJava(SAMPLES.dotnet.make(BASE).text)).toBeNull();
  });
});

describe("parseGo", () => {
  it("parses the panicking goroutine only, splitting package and function", () => {
    const frames = parseGo(SAMPLES.go.make(BASE).text)!;
    expect(frames).toHaveLength(5);
    expect(frames[0]).toMatchObject({ module: "net/http", function: "(*Server).Serve", lineno: 3285 });
    expect(last(frames)).toMatchObject({
      module: "github.com/acme/api/internal/store",
      function: "(*Store).GetUser",
      filename: "/home/alice/src/api/internal/store/store.go",
      lineno: 88,
    });
    expect(frames.some((f) => f.function === "runtime_pollWait")).toBe(false);
  });

  it("keeps the goroutine's \"created by\" frame for the reader, marked library: it started the goroutine, it did not call it", () => {
    const frames = parseGo(
      [
        "goroutine 41 [running]:",
        "github.com/acme/api/internal/sessions.(*Store).janitorLoop(0xc0000a0000)",
        "\t/app/internal/sessions/store.go:84 +0x4d",
        "created by github.com/acme/api/internal/sessions.(*Store).StartJanitor in goroutine 1",
        "\t/app/internal/sessions/store.go:78 +0x8f",
      ].join("\n"),
    )!;
    expect(frames.map((f) => [f.function, f.lineno, f.inApp])).toEqual([
      ["(*Store).StartJanitor", 78, false],
      ["(*Store).janitorLoop", 84, undefined],
    ]);
  });
});

describe("parseRuby", () => {
  it("parses interpreter output and Ruby 3.4 quoting", () => {
    const frames = parseRuby(SAMPLES.ruby.make(BASE).text)!;
    expect(frames.map((f) => f.function)).toEqual(["<main>", "send_action", "show", "block in show", "full_name"]);
    expect(last(frames)).toMatchObject({ filename: "/home/alice/shop/app/models/user.rb", lineno: 42 });
    expect(parseRuby("app/models/user.rb:3:in 'User#name'")).toEqual([
      { function: "User#name", filename: "app/models/user.rb", lineno: 3 },
    ]);
  });
});

describe("parseDotnet", () => {
  it("parses outer-exception frames, skipping the inner exception's", () => {
    const frames = parseDotnet(SAMPLES.dotnet.make(BASE).text)!;
    expect(frames.map((f) => f.function)).toEqual([
      "Execute",
      "MoveNext",
      "<Post>b__0",
      "HandleNonSuccessAndDebuggerNotification",
      "Throw",
      "MoveNext",
      "Ship",
    ]);
    expect(last(frames)).toMatchObject({
      module: "Acme.Shop.Orders.OrderService",
      filename: "C:\\build\\acme\\src\\Acme.Shop\\Orders\\OrderService.cs",
      lineno: 42,
    });
    expect(frames[3].filename).toBeUndefined();
  });

  it("keeps generic method names intact", () => {
    expect(parseDotnet("   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)")).toEqual([
      { module: "System.Linq.Enumerable", function: "First[TSource]" },
    ]);
  });

  it("rejects JVM frames", () => {
    expect(parseDotnet(SAMPLES.java.make(BASE).text)).toBeNull();
  });
});

describe("parsePhp", () => {
  it("re-pairs each call with the location that runs it", () => {
    const frames = parsePhp(SAMPLES.php.make(BASE).text)!;
    expect(last(frames)).toMatchObject({
      module: "App\\Billing\\PaymentGateway",
      function: "charge",
      filename: "/var/www/shop/src/Billing/PaymentGateway.php",
      lineno: 42,
    });
    expect(frames[frames.length - 2]).toMatchObject({ function: "checkout", lineno: 88 });
    expect(frames[0]).toEqual({ filename: "/var/www/shop/public/index.php", absPath: "/var/www/shop/public/index.php", lineno: 52 });
  });

  it("works on getTraceAsString() output without a header", () => {
    const frames = parsePhp("#0 /app/a.php(3): Foo::bar()\n#1 [internal function]: {closure}(1)\n#2 {main}")!;
    // {main} is dropped: its location ([internal function]) is unknown.
    expect(frames.map((f) => f.function)).toEqual(["{closure}", "bar"]);
    expect(frames[0]).toMatchObject({ filename: "/app/a.php", lineno: 3 });
    expect(frames[1]).toEqual({ module: "Foo", function: "bar" });
  });

  it("keeps PHP 8.4's closure names whole: their '::' and '(' are inside the braces", () => {
    const frames = parsePhp(`PHP Fatal error:  Uncaught Error: Call to a member function getName() on null in /app/src/Report.php:27
Stack trace:
#0 [internal function]: App\\Report->{closure:App\\Report::build():26}(NULL)
#1 /app/src/Report.php(26): array_map(Object(Closure), Array)
#2 /app/src/Report.php(12): App\\Report::{closure:/app/src/Report.php:11}()
#3 /app/bin/report.php(8): App\\Report::run()
#4 {main}
  thrown in /app/src/Report.php on line 27`)!;
    expect(frames.slice(1)).toEqual([
      { module: "App\\Report", function: "run", filename: "/app/src/Report.php", absPath: "/app/src/Report.php", lineno: 12 },
      { module: "App\\Report", function: "{closure:/app/src/Report.php:11}", filename: "/app/src/Report.php", absPath: "/app/src/Report.php", lineno: 26 },
      { function: "array_map" },
      { module: "App\\Report", function: "{closure:App\\Report::build():26}", filename: "/app/src/Report.php", absPath: "/app/src/Report.php", lineno: 27 },
    ]);
  });
});

describe("hostile input", () => {
  // A guard against catastrophic backtracking, not a speed target (bench:ingest measures that): a
  // quadratic pass over these inputs takes minutes, linear ones well under a second even on a loaded
  // 2-core machine — 10 s leaves the 10x headroom a shared CI machine needs.
  const BACKTRACKING_BUDGET_MS = 10_000;
  const fast = (input: string, hint?: string) => {
    const start = performance.now();
    const result = parseStackTrace(input, hint);
    return { result, ms: performance.now() - start };
  };

  it("handles a 1 MB garbage string quickly", () => {
    let seed = 42;
    const chars = " \t\n:@()#/.\\`'\"<>[]{}$0123456789abcXYZat in line File";
    let s = "";
    while (s.length < 1_000_000) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += chars[seed % chars.length];
    }
    const { result, ms } = fast(s);
    expect(result.frames.length).toBeLessThanOrEqual(500);
    expect(ms).toBeLessThan(BACKTRACKING_BUDGET_MS);
  });

  it.each([
    ["long single line of colons", ":".repeat(1_000_000)],
    ["deep parentheses", `    at ${"(".repeat(200_000)}${")".repeat(200_000)}`],
    ["many '@' signs", "@".repeat(300_000)],
    ["many 'at ' lines without locations", "    at x\n".repeat(100_000)],
    ["repeated digits and colons", "a:1:2:3:4:5:6:7:8:9:".repeat(50_000)],
    ["nested eval", `    at eval (${"eval at f (".repeat(2000)}x.js:1:1${")".repeat(2000)})`],
    ["unterminated Ruby markers", "x.rb:1:in `".repeat(100_000)],
    ["PHP hashes", "#".repeat(500_000)],
    ["Go headers", "goroutine 1 [".repeat(100_000)],
  ])("survives %s", (_name, input) => {
    const { ms } = fast(input);
    expect(ms).toBeLessThan(BACKTRACKING_BUDGET_MS);
  });

  it("caps frames at 500 (innermost kept) and input at 256 KiB", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `    at fn${i} (/app/f.js:${i + 1}:1)`);
    const { frames } = parseStackTrace(`Error: deep\n${lines.join("\n")}`);
    expect(frames).toHaveLength(500);
    expect(last(frames).function).toBe("fn0"); // innermost = first printed
    const huge = `Error\n${"    at a (/app/a.js:1:1)\n".repeat(20_000)}    at zzz (/app/z.js:1:1)`;
    expect(parseStackTrace(huge).frames.some((f) => f.function === "zzz")).toBe(false);
  });

  it("returns frames that satisfy FrameSchema even for very long names", () => {
    const { frames } = parseStackTrace(`    at ${"f".repeat(1500)} (/app/${"d/".repeat(1100)}x.js:1:2)`);
    expect(frames).toHaveLength(1);
    expect(FrameSchema.array().safeParse(frames).success).toBe(true);
    expect(frames[0].filename?.endsWith("/x.js")).toBe(true);
  });

  it("never throws on non-string input", () => {
    expect(parseStackTrace(undefined as unknown as string)).toEqual({ language: "unknown", frames: [] });
    expect(parseStackTrace(42 as unknown as string, 7 as unknown as string)).toEqual({ language: "unknown", frames: [] });
  });
});
