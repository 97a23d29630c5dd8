import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileString } from "@/lib/fuzz/fuzzSettings";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { ProguardMapping, ProguardMappingError } from "@/lib/proguard/proguardMapping";
import { retraceFrames } from "@/lib/proguard/retraceFrames";
import { retraceText } from "@/lib/proguard/retraceText";

// Mapping-like lines with hostile parts: names, ranges, arrows, comments, blank and CRLF lines.
const name = fc.oneof(fc.constantFrom("a", "a.a", "b", "com.acme.Cart", "Cart$Line", "<init>", ""), hostileString(20));
const num = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(2 ** 40));
const line = fc.oneof(
  fc.tuple(name, name).map(([o, x]) => `${o} -> ${x}:`),
  fc.tuple(num, num, name, name, num, num, name).map(([a, b, t, m, c, d, x]) => `    ${a}:${b}:${t} ${m}():${c}:${d} -> ${x}`),
  fc.tuple(name, name).map(([t, x]) => `    ${t} field -> ${x}`),
  fc.tuple(name).map(([f]) => `# {"id":"sourceFile","fileName":${JSON.stringify(f)}}`),
  fc.constantFrom("", "\r", "#", "# {", "    ", " -> :"),
  hostileString(60),
);
const mappingText = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n")).map(([lines, end]) => lines.join(end));
const frame: fc.Arbitrary<Frame> = fc.record({ module: name, function: name, filename: fc.option(name, { nil: undefined }), lineno: fc.option(fc.nat(20), { nil: undefined }) }, { requiredKeys: ["module", "function"] });

describe("ProGuard mappings and retracing never throw on hostile input (fuzz)", () => {
  it("a mapping reads or is refused with ProguardMappingError; retracing with it returns frames and text", () => {
    fc.assert(
      fc.property(mappingText, fc.array(frame, { maxLength: 8 }), hostileString(400), (text, frames, trace) => {
        let mapping: ProguardMapping;
        try {
          mapping = new ProguardMapping(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ProguardMappingError);
          return;
        }
        const out = retraceFrames(frames, [mapping]);
        expect(out.length).toBeGreaterThanOrEqual(frames.length);
        for (const f of out) expect(typeof f).toBe("object");
        expect(typeof retraceText(trace, [mapping])).toBe("string");
        expect(typeof retraceText(frames.map((f) => `\tat ${f.module}.${f.function}(SourceFile:${f.lineno ?? 1})`).join("\n"), [mapping])).toBe("string");
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
