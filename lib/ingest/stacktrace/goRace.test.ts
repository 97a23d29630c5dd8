import { describe, expect, it } from "vitest";
import { readGoRace } from "@/lib/ingest/stacktrace/goRace";
import { parseGo } from "@/lib/ingest/stacktrace/parseGo";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

const report = [
  "==================",
  "WARNING: DATA RACE",
  "Write at 0x00c0000b4018 by goroutine 8:",
  "  github.com/acme/metrics/internal/counter.(*Counter).Inc()",
  "      /src/internal/counter/counter.go:21 +0x4f",
  "  github.com/acme/metrics/internal/ingest.(*Pipeline).handle()",
  "      /src/internal/ingest/pipeline.go:64 +0x1a8",
  "",
  "Previous atomic read at 0x00c0000b4018 by main goroutine:",
  "  sync/atomic.LoadInt64()",
  "      /usr/local/go/src/runtime/race_amd64.s:239 +0xb",
  "  main.main()",
  "      /src/cmd/metricsd/main.go:47 +0x41c",
  "",
  "Goroutine 8 (running) created at:",
  "  main.main()",
  "      /src/cmd/metricsd/main.go:30 +0x2b8",
  "==================",
  "==================",
  "WARNING: DATA RACE",
  "Read at 0x00c0000b4020 by goroutine 9:",
  "  main.other()",
  "      /src/cmd/metricsd/main.go:60 +0x20",
].join("\n");

describe("readGoRace", () => {
  it("reads the two accesses of the first report, without the creation stacks", () => {
    const accesses = readGoRace(report);
    expect(accesses?.map((a) => [a.kind, a.header, a.lines.length])).toEqual([
      ["Write", "Write at 0x00c0000b4018 by goroutine 8", 4],
      ["Atomic read", "Atomic read at 0x00c0000b4018 by main goroutine", 4],
    ]);
  });

  it("reads Go < 1.6's accesses without an address, and a stack the detector lost", () => {
    const accesses = readGoRace("WARNING: DATA RACE\nRead by goroutine 5:\n  main.f()\n      /src/main.go:3 +0x1\n\nPrevious write by goroutine 6:\n  [failed to restore the stack]\n");
    expect(accesses?.map((a) => a.header)).toEqual(["Read by goroutine 5", "Write by goroutine 6"]);
    expect(parseGo(accesses?.[1].lines.join("\n") ?? "")).toBeNull();
  });

  it("is null for anything else", () => {
    expect(readGoRace("panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:3 +0x1")).toBeNull();
  });
});

describe("parseGo on a race report", () => {
  it("reads the stack of the access that found the race, not every stack of the report", () => {
    expect(parseGo(report)).toEqual([
      { module: "github.com/acme/metrics/internal/ingest", function: "(*Pipeline).handle", filename: "/src/internal/ingest/pipeline.go", absPath: "/src/internal/ingest/pipeline.go", lineno: 64 },
      { module: "github.com/acme/metrics/internal/counter", function: "(*Counter).Inc", filename: "/src/internal/counter/counter.go", absPath: "/src/internal/counter/counter.go", lineno: 21 },
    ]);
    expect(parseStackTrace(report).language).toBe("go");
  });
});
