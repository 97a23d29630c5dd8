import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hasUnstorableDeep, hostileJson, hostileString, isDocumentedOutcome } from "@/lib/fuzz/fuzzSettings";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { parseIngestBody, type ParsedIngestBody } from "@/lib/ingest/parseIngestBody";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

/** Events shaped like the native API's, every field possibly hostile or of the wrong type. */
const field = (good: fc.Arbitrary<unknown>) => fc.option(fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: hostileJson(2) }), { nil: undefined });
const text = hostileString(300);
const event = fc.record(
  {
    eventId: field(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/)),
    type: field(text),
    message: field(fc.oneof(text, fc.string({ minLength: 8180, maxLength: 8200 }).map((s) => `${s}😀😀😀`))),
    stackTrace: field(fc.oneof(text, fc.array(fc.record({ function: fc.option(text, { nil: undefined }), filename: fc.option(text, { nil: undefined }), lineno: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 5 }))),
    severity: field(fc.constantFrom("low", "medium", "high", "critical")),
    occurredAt: field(fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-01-01T00:00:00+14:00"))),
    userId: field(text),
    environment: field(text),
    tags: field(fc.dictionary(hostileString(30), fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 5 })),
    context: field(fc.dictionary(hostileString(20), hostileJson(3), { maxKeys: 4 })),
    fingerprint: field(fc.array(fc.oneof(text, fc.constant("{{ default }}")), { minLength: 1, maxLength: 3 })),
    impact: field(fc.record({ creditsLost: fc.double({ min: 0, max: 1e10, noNaN: true }), executionsAffected: fc.nat() })),
    recovery: field(fc.record({ recovered: fc.boolean(), method: fc.option(text, { nil: undefined }) })),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  event.map((e) => JSON.stringify(e)),
  fc.array(event, { maxLength: 4 }).map((es) => JSON.stringify(es)),
  fc.array(event, { maxLength: 4 }).map((events) => JSON.stringify({ events })),
  hostileJson(4).map((v) => JSON.stringify(v) ?? ""),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")),
);

describe("the native ingest pipeline (fuzz)", () => {
  it("parses any body into valid events and documented rejections; every valid event prepares into storable data", () => {
    const receivedAt = new Date("2026-06-01T12:00:00Z");
    fc.assert(
      fc.property(body, (text) => {
        let parsed: ParsedIngestBody | undefined;
        let error: unknown;
        try {
          parsed = parseIngestBody(Buffer.from(text));
        } catch (e) {
          error = e;
        }
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
        for (const { event: valid } of parsed?.valid ?? []) {
          expect(IngestEventSchema.safeParse(valid).success).toBe(true);
          const prepared = prepareEvent(valid, receivedAt);
          expect(hasUnstorableDeep(prepared)).toBe(false);
          expect(prepared.occurredAt.getTime()).toBeGreaterThanOrEqual(0);
          expect(prepared.occurredAt.getTime()).toBeLessThanOrEqual(receivedAt.getTime() + 5 * 60_000);
          expect(prepared.fingerprint).toEqual(expect.any(String));
        }
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
