import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hostileJson, hostileString, isDocumentedOutcome, thrown } from "@/lib/fuzz/fuzzSettings";
import { nextExpectedAt } from "@/lib/crons/monitorSchedule";
import { mapCheckIn, MAX_SLUG } from "@/lib/sentry/mapCheckIn";

const any = hostileJson(3);
const text = hostileString(120);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: any }), { nil: undefined });
const field = fc.constantFrom("*", "*/5", "0", "1-5", "MON-FRI", "JAN", "7", "61", "a", "1,2,x", "5/0", "");
const crontab = fc.oneof(fc.array(field, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(" ")), text, fc.constantFrom("@daily", "@hourly", "@reboot"));
const schedule = fc.oneof(
  fc.record({ type: fc.constant("crontab"), value: crontab }),
  fc.record({ type: fc.constant("interval"), value: fc.oneof(fc.integer(), fc.double(), text), unit: fc.oneof(fc.constantFrom("minute", "hour", "day", "week", "month", "year"), text) }),
  any,
);
const checkIn = fc.record(
  {
    check_in_id: maybe(fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/), text)),
    monitor_slug: maybe(text),
    status: maybe(fc.oneof(fc.constantFrom("in_progress", "ok", "error"), text)),
    duration: maybe(fc.oneof(fc.double(), fc.integer(), text)),
    environment: maybe(text),
    release: maybe(text),
    monitor_config: maybe(
      fc.record(
        { schedule, checkin_margin: maybe(fc.integer()), max_runtime: maybe(fc.integer()), timezone: maybe(fc.oneof(fc.constantFrom("UTC", "Europe/Berlin", "Asia/Kolkata"), text)), failure_issue_threshold: maybe(fc.integer()) },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe("mapCheckIn on hostile payloads", () => {
  it("maps or refuses with a documented error; what it maps is bounded and its schedule computes", () => {
    fc.assert(
      fc.property(fc.oneof(checkIn, any), (payload) => {
        const outcome = thrown(() => mapCheckIn(payload, "fuzz"));
        expect(isDocumentedOutcome(outcome)).toBe(true);
        if (outcome !== undefined) return;
        const mapped = mapCheckIn(payload, "fuzz");
        expect(mapped.slug.length).toBeGreaterThan(0);
        expect(mapped.slug.length).toBeLessThanOrEqual(MAX_SLUG);
        expect(mapped.environment.length).toBeLessThanOrEqual(64);
        if (mapped.durationMs !== null) expect(Number.isSafeInteger(mapped.durationMs) && mapped.durationMs >= 0).toBe(true);
        if (mapped.settings) {
          const next = nextExpectedAt(mapped.settings.schedule, new Date("2026-12-03T10:00:00Z"), mapped.settings.timezone);
          if (next) expect(next.getTime()).toBeGreaterThan(Date.parse("2026-12-03T10:00:00Z"));
        }
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
