import { describe, expect, it } from "vitest";
import { describeThrown } from "./describeThrown.js";

describe("describeThrown", () => {
  it("follows the cause chain, outermost first, and stops at a cycle", () => {
    const root = new TypeError("socket hang up");
    const middle = new Error("query failed", { cause: root });
    const top = new Error("checkout failed", { cause: middle });
    (root as { cause?: unknown }).cause = top;
    const d = describeThrown(top);
    expect(d).toMatchObject({ type: "Error", message: "checkout failed" });
    expect(d.linked?.map((e) => [e.relation, e.type, e.message])).toEqual([
      ["cause", "Error", "query failed"],
      ["cause", "TypeError", "socket hang up"],
    ]);
    expect(d.linked?.[1].stack).toMatch(/^TypeError: socket hang up\n/);
  });

  it("keeps five causes at most, and describes a cause that is not an Error", () => {
    let error: Error = new Error("level 0", { cause: "disk full" });
    for (let i = 1; i <= 7; i++) error = new Error(`level ${i}`, { cause: error });
    expect(describeThrown(error).linked?.map((e) => e.message)).toEqual(["level 6", "level 5", "level 4", "level 3", "level 2"]);
    expect(describeThrown(new Error("x", { cause: "disk full" })).linked).toEqual([{ type: "Error", message: "disk full", relation: "cause" }]);
  });

  it("lists an AggregateError's errors after it, each followed by its causes", () => {
    const aggregate = new AggregateError([new RangeError("a", { cause: new Error("a's cause") }), new SyntaxError("b"), "plain"], "all failed");
    const d = describeThrown(aggregate);
    expect(d).toMatchObject({ type: "AggregateError", message: "all failed" });
    expect(d.linked?.map((e) => [e.relation, e.type, e.message])).toEqual([
      ["member", "RangeError", "a"],
      ["cause", "Error", "a's cause"],
      ["member", "SyntaxError", "b"],
      ["member", "Error", "plain"],
    ]);
  });

  it("keeps 19 linked exceptions at most (the server's chain holds 20)", () => {
    const members = Array.from({ length: 10 }, (_, i) => new Error(`m${i}`, { cause: new Error(`c${i}`, { cause: new Error(`cc${i}`) }) }));
    expect(describeThrown(new AggregateError(members, "many")).linked).toHaveLength(19);
  });

  it("sends no chain for an error without linked ones", () => {
    expect(describeThrown(new Error("alone")).linked).toBeUndefined();
  });
});
