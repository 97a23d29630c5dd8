import { describe, expect, it } from "vitest";
import { splitGoChain } from "@/lib/grouping/chain/splitGoChain";

const access = (header: string, functions: string[]) => [header, ...functions.flatMap((f, i) => [`  ${f}()`, `      /src/${i}.go:${10 + i} +0x1f`]), ""];
const race = (first: string[], previous: string[]) => ["WARNING: DATA RACE", ...first, ...previous, "Goroutine 8 (running) created at:", "  main.main()", "      /src/main.go:30 +0x2b8", "=================="].join("\n");

describe("splitGoChain", () => {
  const inc = (header: string) => access(header, ["acme/counter.(*Counter).Inc", "acme/ingest.handle"]);
  const value = (header: string) => access(header, ["acme/counter.(*Counter).Value", "acme/report.flush"]);

  it("types the race by the detector's banner and its other access by its kind", () => {
    const sections = splitGoChain(race(inc("Write at 0x00c0000b4018 by goroutine 8:"), value("Previous read at 0x00c0000b4018 by goroutine 12:")));
    expect(sections.map(({ type, message, relation }) => ({ type, message, relation }))).toEqual([
      { type: "DATA RACE", message: "Write at 0x00c0000b4018 by goroutine 8", relation: "raised" },
      { type: "Read", message: "Read at 0x00c0000b4018 by goroutine 12", relation: "cause" },
    ]);
    expect(sections[0].body).toContain("(*Counter).Inc()");
    expect(sections[1].body).not.toContain("main.main");
  });

  it("puts the accesses in one order whichever found the race", () => {
    const a = splitGoChain(race(inc("Write at 0x00c0000b4018 by goroutine 8:"), value("Previous read at 0x00c0000b4018 by goroutine 12:")));
    const b = splitGoChain(race(value("Read at 0x00c000126338 by goroutine 31:"), inc("Previous write at 0x00c000126338 by goroutine 19:")));
    expect(b.map((s) => [s.type, s.body])).toEqual(a.map((s) => [s.type, s.body]));
  });

  it("puts a stack the detector could not restore last", () => {
    const sections = splitGoChain(race(["Read at 0x1 by goroutine 5:", "  [failed to restore the stack]", ""], inc("Previous write at 0x1 by goroutine 6:")));
    expect(sections.map((s) => s.type)).toEqual(["DATA RACE", "Read"]);
    expect(sections[0].body).toContain("(*Counter).Inc()");
  });

  it("leaves panics and other Go traces to the single-exception path", () => {
    expect(splitGoChain("panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:3 +0x1")).toEqual([]);
  });
});
