import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { readBody } from "@/lib/http/readBody";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { unpackEnvelope, type EnvelopeContents } from "@/lib/sentry/unpackEnvelope";
import { buildEnvelope } from "@/lib/sentry/__fixtures__/envelopes";
import {
  CRASH_EVENT_ID,
  DART_PUBLIC_KEY,
  DIO_EVENT_ID,
  DIO_GROUPED_EVENT_ID,
  LOG_EVENT_ID,
  MESSAGE_EVENT_ID,
  WEB_EVENT_ID,
  dartCartEnvelope,
  dartCartEvent,
  dartCartSwipeEvent,
  dartDioChainAgainEnvelope,
  dartDioChainEnvelope,
  dartDioChainGroupedEnvelope,
  dartFlutterCrashEnvelope,
  dartIntlEvent,
  dartIntlOtherEvent,
  dartLogsEnvelope,
  dartMessageEnvelope,
  dartMessageEvent,
  dartObfuscatedEnvelope,
  dartObfuscatedEvent,
  dartObfuscatedOtherBugEvent,
  dartObfuscatedOtherDeviceEvent,
  dartVmLoggingEnvelope,
  dartWebEnvelope,
  screenshotBytes,
} from "@/lib/sentry/__fixtures__/sdk-dart";

/** When the events arrive: after every fixture's timestamp, so none is treated as clock skew. */
const RECEIVED_AT = new Date("2026-03-14T11:00:00.000Z");

function ingest(envelope: Buffer): { contents: EnvelopeContents; events: PreparedEvent[] } {
  const contents = unpackEnvelope(parseEnvelope(envelope));
  return { contents, events: contents.events.map((e) => prepareEvent(e, RECEIVED_AT)) };
}

/** One event sent alone, in the envelope shape the SDK uses (content_type, type, length). */
function ingestEvent(event: Record<string, unknown>): PreparedEvent {
  const envelope = buildEnvelope({ event_id: event.event_id, dsn: "https://5c2e81f4a9d04b7e8f13a6c0d2b94e71@faultline.example.net/17" }, [
    { header: { content_type: "application/json", type: "event" }, payload: event, withLength: true },
  ]);
  const { events } = ingest(envelope);
  expect(events).toHaveLength(1);
  return events[0];
}

const sentryMeta = (e: PreparedEvent) => (e.metadata as { sentry: Record<string, unknown> }).sentry;
const chainOf = (e: PreparedEvent) => (e.exceptions ?? []).map((x) => [x.type, x.relation]);
const inAppFunctions = (e: PreparedEvent) => e.frames.filter((f) => f.inApp === true).map((f) => f.function);

describe("sentry-dart: every envelope the SDK commonly sends is accepted", () => {
  it("parses events with attachments, client reports and log items without an error", () => {
    const all = [
      dartDioChainEnvelope,
      dartDioChainAgainEnvelope,
      dartDioChainGroupedEnvelope,
      dartFlutterCrashEnvelope,
      dartMessageEnvelope,
      dartVmLoggingEnvelope,
      dartCartEnvelope,
      dartObfuscatedEnvelope,
      dartWebEnvelope,
      dartLogsEnvelope,
    ];
    for (const envelope of all) expect(() => ingest(envelope)).not.toThrow();
  });

  it("answers with the event's id (32 hex digits, as the SDK writes SentryId)", () => {
    expect(ingest(dartDioChainEnvelope).contents.eventId).toBe(DIO_EVENT_ID);
    expect(ingest(dartWebEnvelope).contents.eventId).toBe(WEB_EVENT_ID);
  });

  it("keeps the screenshot attachment with its event and counts the client report", () => {
    const { contents } = ingest(dartFlutterCrashEnvelope);
    expect(contents.events).toHaveLength(1);
    expect(contents.attachments).toEqual([
      expect.objectContaining({ eventId: CRASH_EVENT_ID, filename: "screenshot.png", contentType: "image/png", attachmentType: "event.attachment", size: screenshotBytes.length }),
    ]);
    expect(contents.discards).toEqual([{ reason: "sample_rate", category: "transaction", quantity: 3 }]);
  });

  it("drops structured log items on purpose (counted), without failing the envelope", () => {
    const { contents } = ingest(dartLogsEnvelope);
    expect(contents.events).toHaveLength(0);
    expect(contents.dropped).toEqual({ log: 1 });
  });
});

describe("sentry-dart: an exception with a cause (sentry_dio, default options)", () => {
  const [event] = ingest(dartDioChainEnvelope).events;

  it("shows the raised DioException as the event's type and message", () => {
    expect(event.type).toBe("DioException");
    expect(event.message).toMatch(/^DioException \[connection error\]: /);
  });

  it("keeps the chain raised first: DioException, then its cause SocketException", () => {
    expect(chainOf(event)).toEqual([
      ["DioException", "raised"],
      ["SocketException", "cause"],
    ]);
  });

  it("names the innermost application frame of the raised exception as culprit", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("order_api.dart in OrderApi.fetchOrder");
  });

  it("reads severity (no level sent: error), timestamp, environment, release, user and tags", () => {
    expect(event.severity).toBe("high");
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T09:26:53.589Z");
    expect(event.environment).toBe("production");
    expect(event.release).toBe("com.shopfront.app@2.4.1+118");
    expect(event.userId).toBe("u-55120");
    expect(event.tags).toEqual({ flavor: "prod", store_region: "eu" });
    expect(sentryMeta(event).request).toEqual({ url: "https://api.shopfront.example/v2/orders/88412", method: "GET" });
    expect(sentryMeta(event).contexts).toMatchObject({ os: { name: "Android", version: "14" }, flutter: { name: "Flutter", version: "3.29.3" } });
  });

  it("reads Dart frames: file, package as module, function, line, column, in_app; async gaps carry only their marker", () => {
    const [dio] = ingest(dartDioChainGroupedEnvelope).events; // the order bug aside, the raised frames as mapped
    expect(dio.frames.at(-1)).toEqual({
      function: "DioMixin.fetch",
      module: "dio",
      filename: "dio_mixin.dart",
      absPath: "package:dio/src/dio_mixin.dart",
      lineno: 509,
      colno: 7,
      inApp: true,
      platform: "dart",
    });
    expect(dio.frames.filter((f) => f.absPath === "<asynchronous suspension>")).toEqual([
      { absPath: "<asynchronous suspension>" },
      { absPath: "<asynchronous suspension>" },
      { absPath: "<asynchronous suspension>" },
    ]);
  });

  it("groups the same bug (other order id and port in the message, call one line lower) into one issue", () => {
    const [again] = ingest(dartDioChainAgainEnvelope).events;
    expect(again.fingerprint).toBe(event.fingerprint);
  });

  it("keeps a different bug (StateError in the cart) apart", () => {
    const [cart] = ingest(dartCartEnvelope).events;
    expect(cart.fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-dart: the same chain with options.groupExceptions = true (reversed, with exception ids)", () => {
  const { contents, events } = ingest(dartDioChainGroupedEnvelope);
  const [event] = events;

  it("shows the raised DioException, its SocketException cause after it", () => {
    expect(contents.eventId).toBe(DIO_GROUPED_EVENT_ID);
    expect(event.type).toBe("DioException");
    expect(chainOf(event)).toEqual([
      ["DioException", "raised"],
      ["SocketException", "cause"],
    ]);
  });

  it("names the app's own frame, not package:dio's, as culprit", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("order_api.dart in OrderApi.fetchOrder");
  });

  it("groups with the same bug sent with the default options", () => {
    const [defaultOrder] = ingest(dartDioChainEnvelope).events;
    expect(event.fingerprint).toBe(defaultOrder.fingerprint);
  });
});

describe("sentry-flutter: an unhandled error (FlutterError.onError while building a widget)", () => {
  const [event] = ingest(dartFlutterCrashEnvelope).events;

  it("shows the error, fatal, unhandled, with the Flutter details", () => {
    expect(event.eventId).toBe(CRASH_EVENT_ID);
    expect(event.type).toBe("TypeError");
    expect(event.message).toBe("Null check operator used on a null value");
    expect(event.severity).toBe("critical");
    expect(sentryMeta(event).mechanism).toEqual({ type: "FlutterError", handled: false });
    expect(sentryMeta(event).contexts).toMatchObject({ flutter_error_details: { context: "thrown while building OrderSummaryCard(dirty)", library: "widgets library" } });
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T09:52:18.004Z");
  });

  it("marks only the app's frames in-app (dart:ui and package:flutter are not) and names the innermost one", () => {
    expect(event.frames).toHaveLength(14);
    expect(inAppFunctions(event)).toEqual(["OrderSummaryCard.build", "OrderSummaryCard._totalLabel"]);
    expect(culpritOf(event.frames, event.platform)).toBe("order_summary_card.dart in OrderSummaryCard._totalLabel");
  });

  it("takes the stack from the exception although the isolate's thread (no stack) is listed too", () => {
    expect(event.exceptions).toHaveLength(1);
    expect(event.frames.at(-1)?.function).toBe("OrderSummaryCard._totalLabel");
  });
});

describe("sentry-dart: messages", () => {
  const [event] = ingest(dartMessageEnvelope).events;

  it("shows captureMessage's formatted text with its level, and the thread's stack (attachStacktrace)", () => {
    expect(event.eventId).toBe(MESSAGE_EVENT_ID);
    expect(event.type).toBe("Message");
    expect(event.message).toBe("Coupon SPRING26 rejected for cart c-8812");
    expect(event.severity).toBe("medium");
    expect(event.frames).toHaveLength(5);
    expect(culpritOf(event.frames, event.platform)).toBe("coupon_service.dart in CouponService.redeem");
  });

  it("groups the message on its template: other parameters, same issue", () => {
    const other = ingestEvent({
      ...dartMessageEvent,
      event_id: "1f2e3d4c5b6a47988776655443322110",
      message: { formatted: "Coupon WINTER5 rejected for cart c-9130", message: "Coupon %s rejected for cart %s", params: ["WINTER5", "c-9130"] },
    });
    expect(other.message).toBe("Coupon WINTER5 rejected for cart c-9130");
    expect(other.fingerprint).toBe(event.fingerprint);
  });

  const [logged] = ingest(dartVmLoggingEnvelope).events;

  it("shows a sentry_logging record (Dart VM backend): text, level, logger, server, release", () => {
    expect(logged.eventId).toBe(LOG_EVENT_ID);
    expect(logged.type).toBe("Message");
    expect(logged.message).toBe("Warehouse sync aborted: 37 parcels left unconfirmed");
    expect(logged.severity).toBe("high");
    expect(logged.environment).toBe("production");
    expect(logged.release).toBe("fulfilment-worker@1.12.0");
    expect(sentryMeta(logged)).toMatchObject({ logger: "fulfilment.sync", server_name: "fulfilment-worker-2", extra: { "LogRecord.sequenceNumber": 412 } });
    expect(logged.occurredAt.toISOString()).toBe("2026-03-14T10:07:12.338Z");
  });

  it("names the app code that logged the record as culprit, not the logging packages", () => {
    expect(culpritOf(logged.frames, logged.platform)).toBe("warehouse_sync.dart in WarehouseSync.run");
  });
});

describe("sentry-dart: grouping", () => {
  it("groups the same bug reached from another widget (only outer callers differ)", () => {
    const viaButton = ingestEvent(dartCartEvent);
    const viaSwipe = ingestEvent(dartCartSwipeEvent);
    expect(viaButton.type).toBe("StateError");
    expect(viaSwipe.fingerprint).toBe(viaButton.fingerprint);
  });

  it("keeps two FormatExceptions from different app code apart although both end in package:intl", () => {
    expect(ingestEvent(dartIntlOtherEvent).fingerprint).not.toBe(ingestEvent(dartIntlEvent).fingerprint);
  });

  it("names the app frame that called into package:intl as culprit", () => {
    expect(culpritOf(ingestEvent(dartIntlEvent).frames, ingestEvent(dartIntlEvent).platform)).toBe("delivery_window.dart in DeliveryWindow.fromJson");
  });
});

describe("sentry-flutter: obfuscated / --split-debug-info release (native frames + debug images)", () => {
  const [event] = ingest(dartObfuscatedEnvelope).events;

  it("reads the crash: identified type, message, fatal, and one frame per address", () => {
    expect(event.type).toBe("StateError");
    expect(event.message).toBe("Bad state: No element");
    expect(event.severity).toBe("critical");
    expect(sentryMeta(event).mechanism).toEqual({ type: "PlatformDispatcher.onError", handled: false });
    expect(event.frames).toHaveLength(5);
  });

  it("groups the same crash from another phone (other install path and load address, same offsets)", () => {
    expect(ingestEvent(dartObfuscatedOtherDeviceEvent).fingerprint).toBe(ingestEvent(dartObfuscatedEvent).fingerprint);
  });

  it("keeps a different StateError (other code addresses, other message) apart", () => {
    expect(ingestEvent(dartObfuscatedOtherBugEvent).fingerprint).not.toBe(ingestEvent(dartObfuscatedEvent).fingerprint);
  });
});

describe("sentry-flutter: Flutter web (dart2js)", () => {
  const [event] = ingest(dartWebEnvelope).events;

  it("reads the web event: platform javascript, type, message, minified main.dart.js frames", () => {
    expect(event.platform).toBe("javascript");
    expect(event.type).toBe("StateError");
    expect(event.message).toBe("Bad state: No element");
    expect(event.severity).toBe("critical");
    expect(event.frames.map((f) => f.filename)).toEqual(["main.dart.js", "main.dart.js", "main.dart.js"]);
    expect(culpritOf(event.frames, event.platform)).toBe("main.dart.js in Pa.bQ");
  });
});

describe("sentry-dart: the HTTP request of the Dart HttpTransport", () => {
  it("is routed: POST /api/<project>/envelope/ (trailing slash)", () => {
    expect(matchIngestRoute("POST", "/api/17/envelope/")).toEqual({ door: "sentry", endpoint: "envelope", publicId: "17", preflight: false });
  });

  it("authenticates from X-Sentry-Auth as the SDK writes it", () => {
    const auth = parseSentryAuth(`Sentry sentry_version=7, sentry_client=sentry.dart/9.27.0, sentry_key=${DART_PUBLIC_KEY}`, null);
    expect(auth).toEqual({ key: DART_PUBLIC_KEY, client: "sentry.dart/9.27.0", version: "7" });
  });

  it("decodes the gzip body (compressPayload defaults to true) sent without a Content-Length", async () => {
    const body = gzipSync(dartVmLoggingEnvelope);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(body.subarray(0, 40)));
        controller.enqueue(new Uint8Array(body.subarray(40)));
        controller.close();
      },
    });
    const req = new Request("https://faultline.example.net/api/17/envelope/", {
      method: "POST",
      headers: {
        "content-type": "application/x-sentry-envelope",
        "content-encoding": "gzip",
        "user-agent": "sentry.dart/9.27.0",
        "x-sentry-auth": `Sentry sentry_version=7, sentry_client=sentry.dart/9.27.0, sentry_key=${DART_PUBLIC_KEY}`,
      },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const decoded = await readBody(req, { maxWireBytes: 20 * 1024 * 1024, maxDecodedBytes: 20 * 1024 * 1024 });
    const envelope = parseEnvelope(decoded);
    expect(envelope.header.sent_at).toBe("2026-03-14T10:07:12.401Z");
    expect(unpackEnvelope(envelope).events[0].message).toBe("Warehouse sync aborted: 37 parcels left unconfirmed");
  });
});
