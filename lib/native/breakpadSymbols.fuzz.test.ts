import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, hostileString } from "@/lib/fuzz/fuzzSettings";
import { BreakpadSymbols, BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";
import { nativeDebugId } from "@/lib/native/nativeDebugId";
import { symbolicateFrames } from "@/lib/native/symbolicateEvent";

const hexNumber = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((n) => n.toString(16));
const record = fc.oneof(
  fc.tuple(fc.constantFrom("FUNC ", "FUNC m "), hexNumber, hexNumber, hexNumber, hostileString(40)).map(([k, a, s, p, n]) => `${k}${a} ${s} ${p} ${n}`),
  fc.tuple(hexNumber, hexNumber, fc.integer({ min: -5, max: 1e9 }), fc.integer({ min: -5, max: 50 })).map(([a, s, l, f]) => `${a} ${s} ${l} ${f}`),
  fc.tuple(fc.integer({ min: -2, max: 5 }), fc.integer({ min: -2, max: 100 }), fc.array(hexNumber, { maxLength: 6 })).map(([d, l, r]) => `INLINE ${d} ${l} 0 0 ${r.join(" ")}`),
  fc.tuple(fc.integer({ min: -2, max: 50 }), hostileString(60)).map(([i, n]) => `FILE ${i} ${n}`),
  fc.tuple(fc.integer({ min: -2, max: 50 }), hostileString(60)).map(([i, n]) => `INLINE_ORIGIN ${i} ${n}`),
  fc.tuple(hexNumber, hostileString(40)).map(([a, n]) => `PUBLIC ${a} 0 ${n}`),
  hostileString(80),
);

describe("Breakpad symbol files (fuzz)", () => {
  it("any records after a MODULE line: indexed without throwing; every lookup answers frames or nothing", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.array(fc.bigInt({ min: 0n, max: (1n << 53n) - 1n }), { maxLength: 8 }), (records, offsets) => {
        const symbols = new BreakpadSymbols(["MODULE Linux x86_64 3E5A0E68D4BE8E6F2F011BF9C5C8F5B30 fuzz", ...records].join("\n"));
        for (const offset of offsets) {
          const frames = symbols.lookup(Number(offset));
          if (frames) for (const f of frames) expect(typeof f.function).toBe("string");
        }
        const images = new Map([[0x1000n, symbols.module.debugId]]);
        const frames = offsets.map((o) => ({ instructionAddr: `0x${(o + 0x1000n).toString(16)}`, imageAddr: "0x1000" }));
        expect(() => symbolicateFrames(frames, images, new Map([[symbols.module.debugId, symbols]]))).not.toThrow();
      }),
      fuzzParams(300),
    );
  });

  it("anything else is refused with a BreakpadSymbolsError, never another error; debug IDs never throw", () => {
    fc.assert(
      fc.property(hostileString(200), (text) => {
        try {
          new BreakpadSymbols(text);
        } catch (error) {
          expect(error).toBeInstanceOf(BreakpadSymbolsError);
        }
        expect(() => nativeDebugId(text)).not.toThrow();
      }),
      fuzzParams(300),
    );
  });
});
