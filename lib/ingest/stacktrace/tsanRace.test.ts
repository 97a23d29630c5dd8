import { describe, expect, it } from "vitest";
import { readThreadSanitizerRace } from "@/lib/ingest/stacktrace/tsanRace";

describe("readThreadSanitizerRace", () => {
  it("reads the two accesses, without the allocation and thread creation stacks", () => {
    const text = [
      "==================",
      "WARNING: ThreadSanitizer: data race (pid=48213)",
      "  Atomic write of size 4 at 0x7b0400000010 by thread T2 (mutexes: write M0):",
      "    #0 Counter::inc() /src/counter.cpp:12:11 (kvd+0x4b2a1)",
      "",
      "  Previous read of size 4 at 0x7b0400000010 by main thread:",
      "    #0 Counter::value() const /src/counter.cpp:16:12 (kvd+0x4b2e9)",
      "    #1 main /src/main.cpp:27:22 (kvd+0x4b4a8)",
      "",
      "  Location is heap block of size 16 at 0x7b0400000000 allocated by main thread:",
      "    #0 operator new(unsigned long) <null> (libtsan.so.2+0x8d6ec)",
      "",
      "  Thread T2 (tid=48216, running) created by main thread at:",
      "    #0 pthread_create <null> (libtsan.so.2+0x5ad75)",
      "",
      "SUMMARY: ThreadSanitizer: data race /src/counter.cpp:12:11 in Counter::inc()",
    ].join("\n");
    expect(readThreadSanitizerRace(text)?.map((a) => [a.kind, a.header, a.lines.length])).toEqual([
      ["Atomic write", "Atomic write at 0x7b0400000010 by thread T2", 1],
      ["Read", "Read at 0x7b0400000010 by main thread", 2],
    ]);
  });

  it("is null for other sanitizers' reports", () => {
    expect(readThreadSanitizerRace("==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010\n    #0 0x55d4 in f /src/a.cpp:3:5")).toBeNull();
  });
});
