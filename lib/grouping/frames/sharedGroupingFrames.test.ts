import { describe, expect, it } from "vitest";
import { selectGroupingFrames } from "@/lib/grouping/frames/selectGroupingFrames";
import { sharedGroupingFrames } from "@/lib/grouping/frames/sharedGroupingFrames";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

const frames = (): Frame[] => [
  { function: "main", filename: "/srv/app/src/index.ts", lineno: 3, inApp: true },
  { function: "handler", filename: "/srv/app/src/routes/r.ts", lineno: 10, inApp: true },
];

describe("sharedGroupingFrames", () => {
  it("works a frozen (shared) frames array out once per language and setting, as selectGroupingFrames does", () => {
    const shared = Object.freeze(frames()) as Frame[];
    const first = sharedGroupingFrames(shared, "javascript");
    expect(first).toEqual(selectGroupingFrames(frames(), "javascript"));
    expect(sharedGroupingFrames(shared, "javascript")).toBe(first);
    expect(Object.isFrozen(first.keys)).toBe(true);
    expect(sharedGroupingFrames(shared, "javascript", { dropAsyncContinuation: true })).not.toBe(first);
    expect(sharedGroupingFrames(shared, "python")).not.toBe(first);
  });

  it("keeps frame overrides apart, and reads frames that are not frozen each time", () => {
    const shared = Object.freeze(frames()) as Frame[];
    const override = () => "library" as const;
    const overridden = sharedGroupingFrames(shared, "javascript", { override });
    expect(overridden).toEqual(selectGroupingFrames(frames(), "javascript", { override }));
    expect(overridden).not.toEqual(sharedGroupingFrames(shared, "javascript"));
    const own = frames();
    expect(sharedGroupingFrames(own, "javascript")).not.toBe(sharedGroupingFrames(own, "javascript"));
  });
});
