import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileJson, isDocumentedOutcome, thrown } from "@/lib/fuzz/fuzzSettings";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";

/** Envelopes built like the SDKs build them, but with hostile headers, types, lengths and payloads. */
const item = fc.record({
  type: fc.oneof(fc.constantFrom("event", "session", "sessions", "client_report", "attachment", "span", "transaction"), fc.string({ maxLength: 10 }), fc.constant(42)),
  length: fc.option(fc.oneof(fc.nat(300), fc.constantFrom(-1, 1.5, 1e20, "10", null)), { nil: undefined }),
  payload: fc.oneof(fc.uint8Array({ maxLength: 200 }), hostileJson(3).map((v) => Buffer.from(JSON.stringify(v) ?? "null"))),
  extraHeader: fc.option(hostileJson(2), { nil: undefined }),
});

const envelope = fc
  .tuple(hostileJson(2), fc.array(item, { maxLength: 6 }), fc.constantFrom("\n", "\r\n", "\n\n"), fc.boolean())
  .map(([header, items, nl, trailing]) => {
    const parts: Buffer[] = [Buffer.from(JSON.stringify(header) ?? "")];
    for (const it of items) {
      const itemHeader = { type: it.type, ...(it.length !== undefined && { length: it.length }), ...(typeof it.extraHeader === "object" && it.extraHeader) };
      parts.push(Buffer.from(`${nl}${JSON.stringify(itemHeader)}${nl}`), Buffer.from(it.payload));
    }
    if (trailing) parts.push(Buffer.from(nl));
    return Buffer.concat(parts);
  });

describe("parseEnvelope only ever answers with a parsed envelope or a documented 4xx (fuzz)", () => {
  it("structured envelopes with hostile parts", () => {
    fc.assert(
      fc.property(envelope, (body) => {
        const error = thrown(() => parseEnvelope(body));
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());

  it("arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const error = thrown(() => parseEnvelope(Buffer.from(bytes)));
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
