import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { parseNative } from "@/lib/ingest/stacktrace/parseNative";
import { parseValgrindFrame, valgrindHeader } from "@/lib/ingest/stacktrace/valgrind";

/** A Memcheck report: the same bug in another run has another pid, addresses and block size. */
const invalidRead = (pid: number, address: string, block: number) =>
  [
    `==${pid}== Memcheck, a memory error detector`,
    `==${pid}== Command: ./ring`,
    `==${pid}== `,
    `==${pid}== Invalid read of size 4`,
    `==${pid}==    at 0x109186: Ring::pop() (ring.cpp:21)`,
    `==${pid}==    by 0x1091C4: worker(void*) (main.cpp:40)`,
    `==${pid}==    by 0x4E3E6DA: start_thread (pthread_create.c:463)`,
    `==${pid}==    by 0x4F78A3E: clone (in /usr/lib/x86_64-linux-gnu/libc.so.6)`,
    `==${pid}==  Address ${address} is 4 bytes after a block of size ${block} alloc'd`,
    `==${pid}==    at 0x483B7F3: malloc (vg_replace_malloc.c:309)`,
    `==${pid}==    by 0x109167: Ring::Ring(int) (ring.cpp:9)`,
    `==${pid}== `,
  ].join("\n");

describe("Valgrind", () => {
  it("reads a stack line: function and file:line, or the object it is in; ??? is no function", () => {
    expect(parseValgrindFrame("==4711==    at 0x109186: Ring::pop() (ring.cpp:21)")).toEqual({ starts: true, frame: { function: "Ring::pop()", filename: "ring.cpp", lineno: 21 } });
    expect(parseValgrindFrame("==4711==    by 0x10916F: main (/home/dev/ring/src/main.cpp:52)")).toEqual({
      starts: false,
      frame: { function: "main", filename: "/home/dev/ring/src/main.cpp", absPath: "/home/dev/ring/src/main.cpp", lineno: 52 },
    });
    expect(parseValgrindFrame("==4711==    by 0x4C2AB80: ??? (in /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.28)")).toEqual({ starts: false, frame: { module: "libstdc++.so.6.0.28" } });
    expect(parseValgrindFrame("==4711==  Address 0x4a4c044 is 4 bytes after a block of size 16 alloc'd")).toBeNull();
    expect(parseValgrindFrame("#1  0x0000555555555169 in Parser::parse (this=0x7fffffffe0b0) at src/parser.cpp:42")).toBeNull();
  });

  it("takes the error's stack, not the block's allocation stack after it", () => {
    expect(parseNative(invalidRead(4711, "0x4a4c044", 16))?.map((f) => f.function ?? f.module)).toEqual(["clone", "start_thread", "worker(void*)", "Ring::pop()"]);
  });

  it("types the error without what differs between runs (sizes, addresses, counts)", () => {
    const lines = (header: string) => [`==9== ${header}`, "==9==    at 0x1: f (a.c:1)"];
    expect(valgrindHeader(invalidRead(4711, "0x4a4c044", 16).split("\n"))).toEqual({
      type: "Invalid read",
      message: "Invalid read of size 4: Address 0x4a4c044 is 4 bytes after a block of size 16 alloc'd",
    });
    expect(valgrindHeader(lines("Conditional jump or move depends on uninitialised value(s)"))?.type).toBe("Conditional jump or move depends on uninitialised value(s)");
    expect(valgrindHeader(lines("40 bytes in 1 blocks are definitely lost in loss record 1 of 2"))).toEqual({
      type: "Memory leak (definitely lost)",
      message: "40 bytes in 1 blocks are definitely lost in loss record 1 of 2",
    });
    expect(valgrindHeader(lines("1,024 (64 direct, 960 indirect) bytes in 1 blocks are possibly lost in loss record 7 of 9"))?.type).toBe("Memory leak (possibly lost)");
    expect(valgrindHeader(lines("Source and destination overlap in memcpy(0x4a4c040, 0x4a4c044, 16)"))?.type).toBe("Source and destination overlap in memcpy");
    expect(valgrindHeader(lines("Invalid free() / delete / delete[] / realloc()"))?.type).toBe("Invalid free() / delete / delete[] / realloc()");
    expect(valgrindHeader(["no report here", "   at 0x1: f (a.c:1)"])).toBeUndefined();
  });

  it("groups the same error of two runs as one issue, titled by it, when sent with a placeholder type", () => {
    const prepare = (text: string) => prepareEvent(IngestEventSchema.parse({ type: "Error", message: "", stackTrace: text }));
    const first = prepare(invalidRead(4711, "0x4a4c044", 16));
    expect(first).toMatchObject({ type: "Invalid read", message: expect.stringMatching(/^Invalid read of size 4: Address 0x\w+ is 4 bytes after a block of size 16 alloc'd$/) });
    expect(prepare(invalidRead(90210, "0x5b1d0a8", 32)).fingerprint).toBe(first.fingerprint);
  });
});
