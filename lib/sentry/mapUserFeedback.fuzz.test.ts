import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileJson, hostileString, isDocumentedOutcome, thrown } from "@/lib/fuzz/fuzzSettings";
import { decodeLegacyStoreBody } from "@/lib/sentry/legacyStoreBody";
import { MAX_FEEDBACK_COMMENTS, mapFeedbackEvent, mapUserReport, type UserFeedbackInput } from "@/lib/sentry/mapUserFeedback";

const eventId = fc.oneof(fc.constant("0123456789abcdef0123456789abcdef"), hostileString(40), fc.constant(null));
const report = fc.oneof(hostileJson(3), fc.record({ event_id: eventId, name: hostileJson(1), email: hostileJson(1), comments: fc.oneof(hostileString(300), hostileJson(1)) }));
const feedbackEvent = fc.oneof(
  hostileJson(3),
  fc.record({
    event_id: eventId,
    user: hostileJson(2),
    contexts: fc.record({ feedback: fc.oneof(hostileJson(2), fc.record({ message: fc.oneof(hostileString(300), hostileJson(1)), associated_event_id: eventId, url: hostileJson(1), contact_email: hostileJson(1) })) }),
  }),
);

function wellFormed(feedback: UserFeedbackInput): void {
  expect(feedback.comments.trim()).not.toBe("");
  expect(feedback.comments.length).toBeLessThanOrEqual(MAX_FEEDBACK_COMMENTS + 100);
  for (const value of [feedback.name, feedback.email, feedback.url, feedback.eventId]) expect(value === null || typeof value === "string").toBe(true);
  expect(feedback.eventId === null || /^[0-9a-f]{32}$/.test(feedback.eventId)).toBe(true);
}

describe("user feedback mapping only ever returns well-formed feedback or a documented 4xx (fuzz)", () => {
  it("user_report payloads", () => {
    fc.assert(
      fc.property(report, (payload) => {
        let mapped: UserFeedbackInput | undefined;
        const error = thrown(() => (mapped = mapUserReport(payload, "item")));
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
        if (mapped) wellFormed(mapped);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());

  it("feedback events", () => {
    fc.assert(
      fc.property(feedbackEvent, fc.option(hostileString(40), { nil: undefined }), (payload, fallback) => {
        let mapped: UserFeedbackInput | undefined;
        const error = thrown(() => (mapped = mapFeedbackEvent(payload, "item", fallback)));
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
        if (mapped) wellFormed(mapped);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});

describe("decodeLegacyStoreBody only ever returns bytes within the limit or a documented 4xx (fuzz)", () => {
  const limit = 4096;
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(Buffer.from(b).toString("base64"))),
    fc.uint8Array({ maxLength: 600 }).map((b) => zlib.deflateSync(Buffer.from(b))),
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(zlib.deflateSync(Buffer.from(b)).subarray(0, 1 + (b.length % 40)).toString("base64"))),
    fc.nat(20_000).map((n) => Buffer.from(zlib.gzipSync(Buffer.alloc(n, 0x7b)).toString("base64url"))),
  );
  it("raw, base64, zlib, truncated and oversize bodies", () => {
    fc.assert(
      fc.property(body, (bytes) => {
        let out: Buffer | undefined;
        const error = thrown(() => (out = decodeLegacyStoreBody(bytes, limit)));
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
        if (out) expect(out.length).toBeLessThanOrEqual(Math.max(limit, bytes.length));
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
