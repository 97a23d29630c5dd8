import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileJson, hostileString } from "@/lib/fuzz/fuzzSettings";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { MAX_FUTURE_SKEW_MS } from "@/lib/ingest/prepareEvent";
import { correctEventTime, correctInstant, MAX_EVENT_AGE_MS } from "@/lib/sentry/correctEventTime";

const receivedAt = new Date("2026-12-03T12:00:00.000Z");
const instant = fc.integer({ min: 0, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString());
const sentAt = fc.oneof(instant, fc.double(), fc.integer(), hostileString(40), hostileJson(2));
const crumbs = fc.array(fc.oneof(fc.record({ timestamp: fc.oneof(fc.double(), instant, hostileString(30)), message: hostileString(20) }), hostileJson(2)), { maxLength: 5 });

describe("correctEventTime on any timestamps", () => {
  it("always yields a valid event dated within [received − 30 days, received + 5 min]", () => {
    fc.assert(
      fc.property(instant, sentAt, fc.option(crumbs, { nil: undefined }), (occurredAt, sent, breadcrumbs) => {
        const event = IngestEventSchema.parse({ type: "Error", occurredAt, context: { sentry: breadcrumbs === undefined ? {} : { breadcrumbs } } });
        const corrected = correctEventTime(event, sent, receivedAt);
        expect(IngestEventSchema.safeParse(corrected).success).toBe(true);
        const at = Date.parse(corrected.occurredAt!);
        expect(at).toBeGreaterThanOrEqual(receivedAt.getTime() - MAX_EVENT_AGE_MS);
        expect(at).toBeLessThanOrEqual(receivedAt.getTime() + MAX_FUTURE_SKEW_MS);
        const placed = Date.parse(correctInstant(occurredAt, sent, receivedAt));
        expect(placed).toBe(at);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
