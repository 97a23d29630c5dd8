import { describe, expect, it } from "vitest";
import { parseChainText } from "@/lib/grouping/chain/parseChainText";
import { parseChainTextCached } from "@/lib/grouping/chain/parsedChainCache";

const trace = (n: number) => `TypeError: boom\n    at handler${n} (/srv/app/src/routes/r.ts:10:5)\n    at main (/srv/app/src/index.ts:3:1)`;

describe("parseChainTextCached", () => {
  it("answers what parseChainText does, and the same object for the same trace and platform", () => {
    const text = trace(1);
    const first = parseChainTextCached(text, "node");
    expect(first).toEqual(parseChainText(text, "node"));
    expect(parseChainTextCached(text, "node")).toBe(first);
    expect(parseChainTextCached(text)).not.toBe(first);
  });

  it("freezes what it shares: changing a cached frame throws instead of altering other events", () => {
    const parsed = parseChainTextCached(trace(2));
    expect(Object.isFrozen(parsed.exceptions[0].frames[0])).toBe(true);
    expect(() => {
      (parsed.exceptions[0].frames[0] as { function?: string }).function = "changed";
    }).toThrow(TypeError);
  });

  it("parses traces over 8 KiB each time instead of keeping them", () => {
    const long = `${trace(3)}\n${"    at filler (/srv/app/src/f.ts:1:1)\n".repeat(300)}`;
    expect(long.length).toBeGreaterThan(8 * 1024);
    expect(parseChainTextCached(long)).not.toBe(parseChainTextCached(long));
  });

  it("keeps the most recently used 1,000 traces", () => {
    const kept = parseChainTextCached(trace(4));
    for (let i = 0; i < 999; i++) {
      parseChainTextCached(trace(10_000 + i));
      if (i === 500) expect(parseChainTextCached(trace(4))).toBe(kept); // used again: moves to the back
    }
    expect(parseChainTextCached(trace(4))).toBe(kept);
    for (let i = 0; i < 1_000; i++) parseChainTextCached(trace(20_000 + i));
    expect(parseChainTextCached(trace(4))).not.toBe(kept);
  });
});
