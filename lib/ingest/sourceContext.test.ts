import { describe, expect, it } from "vitest";
import { MAX_CONTEXT_LINE_LENGTH, sourceContextOf, withoutContext, withSourceContext } from "@/lib/ingest/sourceContext";

const frames = [
  { function: "outer", filename: "http://shop.test/", lineno: 10, colno: 3, inApp: true, preContext: ["a", "b"], contextLine: "outer()", postContext: ["c"] },
  { function: "lib", filename: "/node_modules/x/index.js", lineno: 5, inApp: false, contextLine: "throw e" },
  { function: "inner", filename: "http://shop.test/", lineno: 20, colno: 7, inApp: true, preContext: Array.from({ length: 12 }, (_, i) => `p${i}`), contextLine: "x".repeat(900), postContext: [] },
  { function: "noContext", filename: "app.js", lineno: 1 },
];

describe("source context per event", () => {
  it("keeps application frames first, innermost first, with bounded lines", () => {
    const stored = sourceContextOf(frames)!;
    expect(stored.map((s) => s.line)).toEqual([20, 10, 5]);
    expect(stored[0].pre).toHaveLength(7);
    expect(stored[0].pre[0]).toBe("p5");
    expect(stored[0].ctx).toHaveLength(MAX_CONTEXT_LINE_LENGTH);
    expect(sourceContextOf([{ function: "f", lineno: 1 }])).toBeNull();
  });

  it("puts the lines back on frames that match by file, line and column", () => {
    const stored = sourceContextOf(frames);
    const bare = frames.map(withoutContext);
    const restored = withSourceContext(bare, stored);
    expect(restored[0]).toMatchObject({ contextLine: "outer()", preContext: ["a", "b"], postContext: ["c"] });
    expect(restored[2].contextLine).toHaveLength(MAX_CONTEXT_LINE_LENGTH);
    expect(restored[3].contextLine).toBeUndefined();
    expect(withSourceContext(bare, [{ file: "http://shop.test/", line: 10, col: 99, pre: [], ctx: "other column", post: [] }])[0].contextLine).toBeUndefined();
    expect(withSourceContext(bare, "junk")).toEqual(bare);
  });
});
