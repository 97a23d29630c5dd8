import { describe, expect, it } from "vitest";
import { hasUnstorableText, replaceUnstorable, replaceUnstorableText } from "@/lib/text/replaceUnstorable";

const R = "\uFFFD";

describe("replaceUnstorable", () => {
  it("replaces NUL and lone surrogates, keeps pairs and everything else", () => {
    expect(replaceUnstorableText("a\u0000b")).toBe(`a${R}b`);
    expect(replaceUnstorableText("x\uD800y")).toBe(`x${R}y`);
    expect(replaceUnstorableText("x\uDC00")).toBe(`x${R}`);
    expect(replaceUnstorableText("\uDC00\uD800")).toBe(`${R}${R}`);
    expect(replaceUnstorableText("emoji 😀 ok")).toBe("emoji 😀 ok");
    expect(replaceUnstorableText("\uD83D\uDE00\uD83D")).toBe(`😀${R}`);
    expect(replaceUnstorableText("plain")).toBe("plain");
    expect(hasUnstorableText("😀")).toBe(false);
    expect(hasUnstorableText("\u0000")).toBe(true);
  });

  it("cleans nested values and keys in place, __proto__ staying an ordinary key", () => {
    const value = JSON.parse('{"m":"a\\u0000","tags":{"k\\u0000ey":"\\ud800"},"list":["\\udc00",1,null],"__proto__":"\\u0000"}');
    replaceUnstorable(value);
    expect(value.m).toBe(`a${R}`);
    expect(value.tags).toEqual({ [`k${R}ey`]: R });
    expect(value.list).toEqual([R, 1, null]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe(R);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it("survives a hostile nesting depth", () => {
    const depth = 200_000;
    const deep = JSON.parse("[".repeat(depth) + '"\\u0000"' + "]".repeat(depth));
    expect(() => replaceUnstorable(deep)).not.toThrow();
  });
});

describe("replaceUnstorable and frozen values", () => {
  it("leaves frozen (shared, already storable) values alone and changes nothing it need not", () => {
    const shared = Object.freeze(["fine"]);
    const value = { frames: shared, list: ["ok", "bad\u0000"] };
    const cleaned = replaceUnstorable(value);
    expect(cleaned.frames).toBe(shared);
    expect(cleaned.list).toEqual(["ok", "bad\uFFFD"]);
  });
});
