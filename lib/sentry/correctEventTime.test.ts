import { describe, expect, it } from "vitest";
import { IngestEventSchema, type IngestEvent } from "@/lib/ingest/eventSchema";
import { correctEventTime, correctInstant, MAX_EVENT_AGE_MS, MIN_CLOCK_DRIFT_MS } from "@/lib/sentry/correctEventTime";

const receivedAt = new Date("2026-06-15T12:00:00.000Z");
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (offsetMs: number) => iso(receivedAt.getTime() + offsetMs);
const event = (occurredAt: string | undefined, breadcrumbs?: unknown[]): IngestEvent =>
  IngestEventSchema.parse({ type: "Error", message: "boom", occurredAt, context: { sentry: { sdk: { name: "sentry.cocoa" }, ...(breadcrumbs ? { breadcrumbs } : {}) } } });
const sentryOf = (e: IngestEvent) => (e.context as { sentry: Record<string, unknown> }).sentry;

describe("correctEventTime", () => {
  it("leaves an event alone when the device clock agrees with ours (or says nothing)", () => {
    const recent = event(at(-2_000));
    expect(correctEventTime(recent, at(-1_000), receivedAt)).toBe(recent);
    expect(correctEventTime(recent, undefined, receivedAt)).toBe(recent);
    // Up to 55 minutes of difference is latency or ordinary drift, not a wrong clock.
    expect(correctEventTime(recent, at(-MIN_CLOCK_DRIFT_MS + 1_000), receivedAt)).toBe(recent);
    const undated = event(undefined);
    expect(correctEventTime(undated, at(-5 * HOUR), receivedAt)).toBe(undated);
  });

  it("moves the event and its breadcrumbs by a clock that ran 3 hours behind, and records it", () => {
    const sent = event(at(-3 * HOUR - 4_000), [{ timestamp: (receivedAt.getTime() - 3 * HOUR - 9_000) / 1000, message: "tap" }, { timestamp: "garbage", message: "kept" }]);
    const corrected = correctEventTime(sent, at(-3 * HOUR), receivedAt);
    expect(corrected.occurredAt).toBe(at(-4_000));
    expect(sentryOf(corrected).breadcrumbs).toEqual([{ timestamp: at(-9_000), message: "tap" }, { timestamp: "garbage", message: "kept" }]);
    expect(sentryOf(corrected).timestamp_correction).toEqual({ reason: "clock_drift", sent: at(-3 * HOUR - 4_000), driftSeconds: 3 * 3600 });
    expect(sentryOf(corrected).sdk).toEqual({ name: "sentry.cocoa" });
    expect(corrected.message).toBe("boom");
  });

  it("moves it back when the clock ran a day ahead (the store endpoint's Unix-seconds sentry_timestamp)", () => {
    const corrected = correctEventTime(event(at(24 * HOUR - 1_000)), String((receivedAt.getTime() + 24 * HOUR) / 1000), receivedAt);
    expect(corrected.occurredAt).toBe(at(-1_000));
    expect(sentryOf(corrected).timestamp_correction).toMatchObject({ reason: "clock_drift", driftSeconds: -24 * 3600 });
  });

  it("dates an event when it was received when its time is a broken clock's", () => {
    for (const [occurredAt, reason] of [
      ["1970-01-01T00:00:00.000Z", "too_old"],
      [at(-MAX_EVENT_AGE_MS - HOUR), "too_old"],
      [at(2 * HOUR), "in_future"],
    ] as const) {
      const corrected = correctEventTime(event(occurredAt), undefined, receivedAt);
      expect(corrected.occurredAt).toBe(receivedAt.toISOString());
      expect(sentryOf(corrected).timestamp_correction).toEqual({ reason, sent: occurredAt });
    }
    // An event a week old (an app that was offline) keeps its time.
    const offline = event(at(-7 * 24 * HOUR));
    expect(correctEventTime(offline, undefined, receivedAt)).toBe(offline);
  });

  it("dates an event when it was received when it is older than the project keeps (a retention under 30 days)", () => {
    const oldestKept = new Date("2026-06-09T00:00:00.000Z"); // 7 days' retention: the cutoff day's start
    const tenDaysOld = event(at(-10 * 24 * HOUR));
    const corrected = correctEventTime(tenDaysOld, undefined, receivedAt, oldestKept);
    expect(corrected.occurredAt).toBe(receivedAt.toISOString());
    expect(sentryOf(corrected).timestamp_correction).toEqual({ reason: "too_old", sent: tenDaysOld.occurredAt });
    const threeDaysOld = event(at(-3 * 24 * HOUR));
    expect(correctEventTime(threeDaysOld, undefined, receivedAt, oldestKept)).toBe(threeDaysOld);
    // A wrong device clock is corrected first: an event sent 10 days "behind" lands now, not refused.
    const drifted = event(at(-10 * 24 * HOUR - 2_000));
    expect(correctEventTime(drifted, at(-10 * 24 * HOUR), receivedAt, oldestKept).occurredAt).toBe(at(-2_000));
  });

  it("ignores a send time it cannot read", () => {
    const sent = event(at(-5 * HOUR));
    for (const sentAt of ["yesterday", {}, null, Number.NaN, "-1"]) expect(correctEventTime(sent, sentAt, receivedAt)).toBe(sent);
  });

  it("places a session's start the same way", () => {
    expect(correctInstant(at(-3 * HOUR - 60_000), at(-3 * HOUR), receivedAt)).toBe(at(-60_000));
    expect(correctInstant(at(-10 * 60_000), at(-1_000), receivedAt)).toBe(at(-10 * 60_000));
    expect(correctInstant("1970-01-01T00:00:00.000Z", undefined, receivedAt)).toBe(receivedAt.toISOString());
    expect(correctInstant(at(HOUR), undefined, receivedAt)).toBe(receivedAt.toISOString());
  });
});
