import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hasUnstorableDeep, hostileJson, hostileString, isDocumentedOutcome, thrown } from "@/lib/fuzz/fuzzSettings";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { mapClientReport } from "@/lib/sentry/mapClientReport";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { mapSessionItem, mapSessionsItem } from "@/lib/sentry/mapSessions";
import { parseDsn } from "@/lib/sentry/parseDsn";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { sentryTimestampToIso } from "@/lib/sentry/sentryTimestamp";

const any = hostileJson(3);
const text = hostileString(200);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: any }), { nil: undefined });

const frame = fc.record(
  { function: maybe(text), module: maybe(text), filename: maybe(text), abs_path: maybe(text), lineno: maybe(fc.integer()), colno: maybe(fc.integer()), in_app: maybe(fc.boolean()), context_line: maybe(text), pre_context: maybe(fc.array(text, { maxLength: 3 })) },
  { requiredKeys: [] },
);
const exception = fc.record(
  { type: maybe(text), value: maybe(text), stacktrace: maybe(fc.record({ frames: fc.array(frame, { maxLength: 6 }) })), mechanism: maybe(fc.record({ type: text, handled: fc.boolean(), synthetic: fc.boolean() })) },
  { requiredKeys: [] },
);

/** Sentry events as SDKs in any language might send them, with hostile values in every field. */
const sentryEvent = fc.record(
  {
    event_id: maybe(fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/))),
    timestamp: maybe(fc.oneof(fc.double(), fc.integer(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text)),
    level: maybe(fc.constantFrom("fatal", "error", "warning", "info", "debug", "log", "critical")),
    platform: maybe(text),
    logger: maybe(text),
    message: maybe(fc.oneof(text, fc.record({ formatted: text, message: text, params: fc.array(any, { maxLength: 3 }) }))),
    logentry: maybe(fc.record({ formatted: text, message: text })),
    exception: maybe(fc.oneof(fc.record({ values: fc.array(exception, { maxLength: 4 }) }), fc.array(exception, { maxLength: 3 }))),
    threads: maybe(fc.record({ values: fc.array(fc.record({ stacktrace: fc.record({ frames: fc.array(frame, { maxLength: 3 }) }), crashed: fc.boolean() }), { maxLength: 2 }) })),
    tags: maybe(fc.oneof(fc.dictionary(hostileString(300), fc.oneof(text, fc.integer()), { maxKeys: 5 }), fc.array(fc.tuple(text, text), { maxLength: 4 }))),
    user: maybe(fc.record({ id: maybe(text), email: maybe(text), ip_address: maybe(text), username: maybe(text) }, { requiredKeys: [] })),
    environment: maybe(text),
    release: maybe(text),
    fingerprint: maybe(fc.array(fc.oneof(text, fc.constant("{{ default }}"), fc.integer()), { maxLength: 4 })),
    contexts: maybe(fc.dictionary(text, any, { maxKeys: 3 })),
    request: maybe(fc.record({ url: maybe(text), method: maybe(text), headers: maybe(fc.dictionary(text, text, { maxKeys: 3 })), data: maybe(any), cookies: maybe(any) }, { requiredKeys: [] })),
    breadcrumbs: maybe(fc.oneof(fc.record({ values: fc.array(any, { maxLength: 3 }) }), fc.array(any, { maxLength: 3 }))),
    extra: maybe(fc.dictionary(text, any, { maxKeys: 3 })),
    sdk: maybe(fc.record({ name: text, version: text })),
  },
  { requiredKeys: [] },
);

describe("Sentry mapping (fuzz)", () => {
  it("maps any event object into events that validate and prepare into storable data", () => {
    fc.assert(
      fc.property(sentryEvent, (event) => {
        const { events } = mapSentryEvent(event);
        expect(events.length).toBeGreaterThan(0);
        for (const mapped of events) {
          const result = IngestEventSchema.safeParse(mapped);
          expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
          if (result.success) expect(hasUnstorableDeep(prepareEvent(result.data))).toBe(false);
        }
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());

  it("answers non-objects with a documented 400", () => {
    fc.assert(
      fc.property(any, (payload) => {
        expect(isDocumentedOutcome(thrown(() => mapSentryEvent(payload)))).toBe(true);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());

  it("maps any session, sessions and client_report payload without throwing", () => {
    const counts = fc.oneof(fc.nat(), fc.integer(), fc.double(), text, any);
    const aggregates = fc.record({ aggregates: fc.array(fc.record({ started: maybe(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())), exited: counts, errored: counts, crashed: counts, abnormal: counts }), { maxLength: 4 }), attrs: maybe(fc.record({ release: text, environment: text })) });
    const session = fc.record({ sid: maybe(text), init: maybe(fc.boolean()), status: maybe(fc.constantFrom("ok", "exited", "errored", "crashed", "abnormal", "unhandled")), errors: counts, started: maybe(fc.double()), timestamp: maybe(text), attrs: maybe(any) }, { requiredKeys: [] });
    const report = fc.record({ timestamp: maybe(fc.double()), discarded_events: maybe(fc.array(fc.record({ reason: maybe(text), category: maybe(text), quantity: counts }), { maxLength: 4 })) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(aggregates, session, report, any), (payload) => {
        for (const rows of [mapSessionItem(payload), mapSessionsItem(payload)]) {
          for (const row of rows) {
            expect(Number.isFinite(Date.parse(row.minute))).toBe(true);
            for (const n of [row.ok, row.errored, row.crashed, row.abnormal ?? 0]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
          }
        }
        for (const discard of mapClientReport(payload)) expect(Number.isSafeInteger(discard.quantity)).toBe(true);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());

  it("reads auth headers, query strings, DSNs and timestamps without throwing", () => {
    fc.assert(
      fc.property(fc.option(text, { nil: null }), fc.option(fc.oneof(text, fc.webUrl().map((u) => new URL(u).search)), { nil: null }), text, any, (header, query, dsn, timestamp) => {
        const auth = parseSentryAuth(header, query);
        for (const value of Object.values(auth)) expect((value as string).length).toBeLessThanOrEqual(256);
        parseDsn(dsn);
        const iso = sentryTimestampToIso(timestamp);
        if (iso !== undefined) expect(Date.parse(iso)).toBeGreaterThanOrEqual(0);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
