import { describe, expect, it } from "vitest";
import { splitNativeChain } from "@/lib/grouping/chain/splitNativeChain";

const report = (first: string[], previous: string[]) =>
  ["WARNING: ThreadSanitizer: data race (pid=48213)", ...first, "", ...previous, "", "  Thread T2 (tid=48216, running) created by main thread at:", "    #0 pthread_create <null> (libtsan.so.2+0x5ad75)", "SUMMARY: ThreadSanitizer: data race"].join("\n");
const inc = (header: string) => [header, "    #0 Counter::inc() /src/counter.cpp:12:11 (kvd+0x4b2a1)", "    #1 worker(Counter*) /src/main.cpp:20:7 (kvd+0x4b3f0)"];
const value = (header: string) => [header, "    #0 Counter::value() const /src/counter.cpp:16:12 (kvd+0x4b2e9)", "    #1 report(Counter*) /src/main.cpp:27:22 (kvd+0x4b4a8)"];

describe("splitNativeChain", () => {
  it("ThreadSanitizer's race: the two accesses in one order whichever found the race", () => {
    const a = splitNativeChain(report(inc("  Write of size 8 at 0x7b0400000010 by thread T2:"), value("  Previous read of size 8 at 0x7b0400000010 by thread T1:")));
    const b = splitNativeChain(report(value("  Read of size 8 at 0x7b0c00000020 by main thread:"), inc("  Previous write of size 8 at 0x7b0c00000020 by thread T3:")));
    expect(a.map((s) => [s.type, s.relation])).toEqual([
      ["DATA RACE", "raised"],
      ["Read", "cause"],
    ]);
    expect(b.map((s) => [s.type, s.body])).toEqual(a.map((s) => [s.type, s.body]));
  });

  it("leaves every other native trace to the single-exception path", () => {
    expect(splitNativeChain("#0  0x000055d0c2a3f912 in storage::Segment::append (this=0x0) at src/storage/segment.cpp:48")).toEqual([]);
  });
});
