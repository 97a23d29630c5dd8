import { describe, expect, it } from "vitest";
import { internFrames } from "@/lib/grouping/frames/internFrames";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

const frames = (line = 10): Frame[] => [
  { function: "main", filename: "/srv/app/src/index.ts", lineno: 3, inApp: true },
  { function: "handler", filename: "/srv/app/src/routes/r.ts", lineno: line, inApp: true, contextLine: "throw new Error()" },
];

describe("internFrames", () => {
  it("hands every event carrying the same frames one frozen copy, equal to what it sent", () => {
    const first = internFrames(frames());
    expect(first).toEqual(frames());
    expect(Object.isFrozen(first) && Object.isFrozen(first[1])).toBe(true);
    expect(internFrames(frames())).toBe(first);
    expect(internFrames(frames(11))).not.toBe(first);
    expect(internFrames(first)).toBe(first);
  });

  it("leaves frames with local variables, and frame lists over 8 KiB of JSON, as they are", () => {
    const withVars = [{ ...frames()[0], vars: { id: "1" } }];
    expect(internFrames(withVars)).toBe(withVars);
    const long = frames().map((f) => ({ ...f, preContext: Array.from({ length: 20 }, () => "x".repeat(500)) }));
    expect(internFrames(long)).toBe(long);
    expect(Object.isFrozen(long)).toBe(false);
  });
});
