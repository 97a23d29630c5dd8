import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundedJson } from "@/lib/text/boundedJson";

describe("boundedJson", () => {
  it("writes what JSON.stringify writes, cut at the bound", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(200), (value, max) => {
        const full = JSON.stringify(value);
        expect(boundedJson(value, Number.MAX_SAFE_INTEGER)).toBe(full);
        expect(boundedJson(value, max)).toBe(full.slice(0, max));
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it("leaves out what JSON.stringify leaves out", () => {
    const value = { a: undefined, b: () => 1, c: [undefined, Symbol("s"), Number.NaN, -0, Infinity], d: new Date(0), e: null };
    expect(boundedJson(value, 1000)).toBe(JSON.stringify(value));
    expect(boundedJson(undefined, 10)).toBeUndefined();
    expect(boundedJson(JSON.parse('{"__proto__":{"x":1}}'), 100)).toBe('{"__proto__":{"x":1}}');
  });

  it("never throws on nesting deeper than the stack, and stops at the bound", () => {
    const depth = 1_000_000;
    const deep = JSON.parse("[".repeat(depth) + "]".repeat(depth));
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(boundedJson(deep, 300)).toBe("[".repeat(300));
    expect(boundedJson(deep, 3 * depth)).toBe("[".repeat(depth) + "]".repeat(depth));
    const wide = new Array(5_000_000).fill(0);
    expect(boundedJson(wide, 9)).toBe("[0,0,0,0,");
  });

  it("ends on a cycle once the text is long enough", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(boundedJson(cycle, 20)).toBe('{"self":{"self":{"se');
  });
});
