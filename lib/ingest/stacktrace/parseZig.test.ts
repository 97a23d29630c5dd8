import { describe, expect, it } from "vitest";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { parseZig } from "@/lib/ingest/stacktrace/parseZig";

const PANIC = `thread 12345 panic: index out of bounds: index 10, len 3
/home/dev/app/src/main.zig:5:18: 0x1034e5a in handler (app)
    return items[i];
                 ^
/home/dev/app/src/main.zig:10:19: 0x1034f2b in main (app)
    _ = handler(&list, 10);
                  ^
/usr/lib/zig/std/start.zig:514:22: 0x1033a19 in posixCallMainAndExit (app)
            root.main();
                     ^
/usr/lib/zig/std/start.zig:266:5: 0x1033541 in _start (app)
    asm volatile (switch (native_arch) {
    ^
???:?:?: 0x0 in ??? (???)
Aborted (core dumped)`;

describe("parseZig", () => {
  it("reads a panic's stack trace, outermost first, with line, column and the source line; unknown frames skipped", () => {
    expect(parseZig(PANIC)).toEqual([
      { function: "_start", filename: "/usr/lib/zig/std/start.zig", absPath: "/usr/lib/zig/std/start.zig", lineno: 266, colno: 5, contextLine: "asm volatile (switch (native_arch) {" },
      { function: "posixCallMainAndExit", filename: "/usr/lib/zig/std/start.zig", absPath: "/usr/lib/zig/std/start.zig", lineno: 514, colno: 22, contextLine: "root.main();" },
      { function: "main", filename: "/home/dev/app/src/main.zig", absPath: "/home/dev/app/src/main.zig", lineno: 10, colno: 19, contextLine: "_ = handler(&list, 10);" },
      { function: "handler", filename: "/home/dev/app/src/main.zig", absPath: "/home/dev/app/src/main.zig", lineno: 5, colno: 18, contextLine: "return items[i];" },
    ]);
  });

  it("reads an error return trace, frames without their source, qualified and generic names, Windows paths", () => {
    const frames = parseZig(`error: FileNotFound
/home/dev/zig/lib/std/posix.zig:1768:23: 0x1039b7e in openatZ (app)
            .NOENT => return error.FileNotFound,
                      ^
/home/dev/app/src/config.zig:12:5: 0x10372a1 in config.load__anon_3338 (app)
C:\\Users\\dev\\app\\src\\main.zig:7:9: 0x7ff6a1b2c3d4 in main (app.exe)
        try config.load(alloc, "app.json");
        ^`);
    expect(frames?.map((f) => [f.function, f.filename, f.lineno, f.colno, f.contextLine])).toEqual([
      ["main", "C:\\Users\\dev\\app\\src\\main.zig", 7, 9, 'try config.load(alloc, "app.json");'],
      ["config.load__anon_3338", "/home/dev/app/src/config.zig", 12, 5, undefined],
      ["openatZ", "/home/dev/zig/lib/std/posix.zig", 1768, 23, ".NOENT => return error.FileNotFound,"],
    ]);
  });

  it("marks the standard library (any install), compiler-rt and fetched packages as library code", () => {
    const text = `thread 1 panic: reached unreachable code
/opt/zig-linux-x86_64-0.13.0/lib/std/debug.zig:412:14: 0x1038f21 in assert (app)
/home/dev/.cache/zig/p/1220c4f1e8a2b3d4/src/http.zig:88:17: 0x1037a10 in parseRequest (app)
/home/dev/app/src/server.zig:31:40: 0x1036b55 in handle (app)
/home/dev/zig/lib/compiler_rt/memcpy.zig:19:9: 0x1040a00 in memcpy (app)
/home/dev/app/src/main.zig:9:23: 0x1036a01 in main (app)
/usr/lib/zig/std/start.zig:514:22: 0x1033a19 in posixCallMainAndExit (app)`;
    const parsed = parseStackTrace(text);
    expect(parsed.language).toBe("zig");
    expect(parsed.frames.map((f) => [f.function, f.inApp])).toEqual([
      ["posixCallMainAndExit", false],
      ["main", true],
      ["memcpy", false],
      ["handle", true],
      ["parseRequest", false],
      ["assert", false],
    ]);
  });

  it("is picked by the platform hint zig", () => {
    expect(parseStackTrace(PANIC, "zig").language).toBe("zig");
  });

  it("claims no other language's trace", () => {
    expect(parseZig('Traceback (most recent call last):\n  File "/app/a.py", line 3, in <module>\n    main()\nKeyError: 1')).toBeNull();
    expect(parseZig("panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:5 +0x1d")).toBeNull();
    expect(parseZig("    #0 0x55d4c8f1e in Session::user() const /src/server/session.cpp:42:10")).toBeNull();
    expect(parseZig("thread 'main' panicked at src/main.rs:7:5:\nboom")).toBeNull();
    expect(parseZig("note: see log: 0x10 in total (app)")).toBeNull();
  });

  it("stays fast and never throws on hostile lines", () => {
    const start = performance.now();
    for (const line of [": 0x".repeat(1000), `a:1:2: 0x1 in ${" (".repeat(1500)})`, `${"a:1".repeat(1300)}: 0x1 in f (x)`, `x:1:2: 0x${"f".repeat(3000)} in f (x)`]) {
      expect(() => parseZig(`${line}\n`.repeat(60))).not.toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
