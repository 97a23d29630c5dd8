import { describe, expect, it } from "vitest";
import { chainSourceContextOf, MAX_CONTEXT_FRAMES, MAX_CONTEXT_LINE_LENGTH, sourceContextOf, withoutContext, withSourceContext } from "@/lib/ingest/sourceContext";

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

  it("keeps the lines of every exception of a chain: the raised one's application frames, its causes', then library frames", () => {
    const cause = [
      { function: "checkout", filename: "shop/views.py", lineno: 42, inApp: true, preContext: ["def checkout(request):"], contextLine: "    gateway.charge(cart)", postContext: ["    return ok()"] },
      { function: "send", filename: "requests/adapters.py", lineno: 501, inApp: false, contextLine: "raise ReadTimeout(e)" },
      { function: "charge", filename: "shop/gateway.py", lineno: 88, inApp: true, preContext: ["def charge(cart):"], contextLine: "    return session.post(URL)", postContext: [""] },
    ];
    const raised = [{ function: "checkout", filename: "shop/views.py", lineno: 44, inApp: true, preContext: ["    except ReadTimeout as e:"], contextLine: "        raise PaymentFailed() from e", postContext: [] }];
    const stored = chainSourceContextOf([raised, cause])!;
    expect(stored.map((s) => `${s.file}:${s.line}`)).toEqual(["shop/views.py:44", "shop/gateway.py:88", "shop/views.py:42", "requests/adapters.py:501"]);
    // A cause's frames as its stored chain keeps them (their own line only) get the lines around it back.
    const shown = withSourceContext(cause.map((frame) => ({ ...frame, preContext: undefined, postContext: undefined })), stored);
    expect(shown[0]).toMatchObject({ preContext: ["def checkout(request):"], contextLine: "    gateway.charge(cart)", postContext: ["    return ok()"] });
    expect(shown[2]).toMatchObject({ preContext: ["def charge(cart):"], postContext: [""] });
    // Bounded like one exception's.
    const many = Array.from({ length: 3 }, (_, e) => Array.from({ length: 20 }, (_, i) => ({ filename: `f${e}.py`, lineno: i + 1, inApp: true, contextLine: "x" })));
    expect(chainSourceContextOf(many)).toHaveLength(MAX_CONTEXT_FRAMES);
    expect(chainSourceContextOf([[], [{ function: "f", lineno: 1 }]])).toBeNull();
  });

  it("keeps a frame's own line, and the frame as it is where nothing is stored for it", () => {
    const own = { function: "f", filename: "a.py", lineno: 3, contextLine: "x = " + "y".repeat(600) };
    const [restored] = withSourceContext([own], [{ file: "a.py", line: 3, col: null, pre: ["before"], ctx: "clipped", post: ["after"] }]);
    expect(restored).toMatchObject({ contextLine: own.contextLine, preContext: ["before"], postContext: ["after"] });
    expect(withSourceContext([own], [{ file: "b.py", line: 3, col: null, pre: [], ctx: "z", post: [] }])).toEqual([own]);
  });
});
