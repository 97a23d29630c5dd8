import { describe, expect, it } from "vitest";
import { jsonValueSpans } from "@/lib/text/jsonSpans";

const spans = (text: string) => [...jsonValueSpans(text)].map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const scans = (text: string) => {
  try {
    for (const span of jsonValueSpans(text)) void span;
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return false;
  }
};

describe("jsonValueSpans", () => {
  it("gives each value's text, kind, key, index and container, a container after what it holds", () => {
    const text = ' {"a": [1, "x\\"y", true, null], "b\\u0063": {"n": -1.5e+3}, "a": {} } ';
    expect(spans(text).map(({ kind, text, key, index, depth, count }) => ({ kind, text, key, index, depth, count }))).toEqual([
      { kind: "number", text: "1", key: undefined, index: 0, depth: 2, count: 0 },
      { kind: "string", text: '"x\\"y"', key: undefined, index: 1, depth: 2, count: 0 },
      { kind: "literal", text: "true", key: undefined, index: 2, depth: 2, count: 0 },
      { kind: "literal", text: "null", key: undefined, index: 3, depth: 2, count: 0 },
      { kind: "array", text: '[1, "x\\"y", true, null]', key: "a", index: 0, depth: 1, count: 4 },
      { kind: "number", text: "-1.5e+3", key: "n", index: 0, depth: 2, count: 0 },
      { kind: "object", text: '{"n": -1.5e+3}', key: "bc", index: 1, depth: 1, count: 1 },
      { kind: "object", text: "{}", key: "a", index: 2, depth: 1, count: 0 },
      { kind: "object", text: text.trim(), key: undefined, index: 0, depth: 0, count: 3 },
    ]);
    const all = spans(text);
    expect(all[0].parentStart).toBe(text.indexOf("["));
    expect(all[4].parentStart).toBe(text.indexOf("{"));
    expect(all[8].parentStart).toBe(-1);
  });

  it("accepts exactly what JSON.parse accepts", () => {
    const samples = [
      "1", " 0 ", "-0", "01", "1.", ".5", "1e", "1e+", "-", "+1", "1.5E-7", "[1,]", "[,1]", "{,}", '{"a":1,}', '{"a" 1}', "{1:2}", "[", "]", "",
      " ", "tru", "true", "nulll", "[true false]", '"a', '"\\x"', '"\\u12g4"', '"\\u12"', '"\\ud800"', '"tab\there"', '"\\/\\b\\f\\n\\r\\t"', '"é😀"', "[[]]",
      "[[] []]", '{"a":{"b":[{}]}}', '{"a":1}{', "1 2", "[1]\n", "\uFEFF1", "{\"a\":1} x", "\u00a01", "[1\r\n,\t2]", "nan", "Infinity",
    ];
    for (const text of samples) expect([text, scans(text)]).toEqual([text, isJson(text)]);
  });

  it("walks a 100,000-deep array without recursion, in linear time", () => {
    const depth = 100_000;
    const started = performance.now();
    const all = [...jsonValueSpans(`${"[".repeat(depth)}${"]".repeat(depth)}`)];
    expect(all).toHaveLength(depth);
    expect(all[all.length - 1]).toMatchObject({ start: 0, end: 2 * depth, depth: 0, count: 1 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(scans("[".repeat(depth))).toBe(false);
  });
});
