import { describe, expect, it } from "vitest";
import { groupingView } from "@/lib/grouping/frames/groupingView";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

const frames = (line = 10, extra: Partial<Frame> = {}): Frame[] => [
  { function: "main", filename: "/srv/app/src/index.ts", lineno: 3, inApp: true },
  { function: "handler", filename: "/srv/app/src/routes/r.ts", lineno: line, inApp: true, ...extra },
];

describe("groupingView", () => {
  it("hands every event carrying the same frames one frozen view, without the lines around a frame's own and variables", () => {
    const first = groupingView(frames(10, { contextLine: "    throw new Error()", vars: { id: "1" } }));
    expect(first).toEqual(frames(10, { contextLine: "thrownewError()" }));
    expect(Object.isFrozen(first) && Object.isFrozen(first[1])).toBe(true);
    expect(groupingView(frames(10, { contextLine: "\tthrow  new Error()", preContext: ["a"], postContext: ["b"], vars: { id: "2" } }))).toBe(first);
    expect(groupingView(frames(10, { contextLine: "throw new Error() // edited" }))).not.toBe(first);
    expect(groupingView(frames())).toEqual(frames());
    expect(groupingView(frames(11))).not.toBe(first);
    expect(groupingView(first)).toBe(first);
  });

  it("uses frames whose view is over 8 KiB of JSON as they are", () => {
    const long = Array.from({ length: 100 }, (_, i) => ({ function: `f${i}`, absPath: `/srv/app/${"deep/".repeat(10)}f${i}.ts`, lineno: i }));
    expect(groupingView(long)).toBe(long);
    expect(Object.isFrozen(long)).toBe(false);
  });
});
