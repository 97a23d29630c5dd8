import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { unpackEnvelope } from "@/lib/sentry/unpackEnvelope";
import {
  COCOA_PUBLIC_KEY,
  COCOA_RELEASE,
  COCOA_SDK_VERSION,
  PANTRY_BINARY,
  PANTRY_RN_BINARY,
  cocoaCertificateErrorEnvelope,
  cocoaCheckoutErrorEnvelope,
  cocoaCouponMessageAgainEnvelope,
  cocoaCouponMessageEnvelope,
  cocoaCrashEnvelope,
  cocoaCrashEvent,
  cocoaLogEnvelope,
  cocoaOfflineErrorEnvelope,
  cocoaOtherTrapCrashEnvelope,
  cocoaPlainMessageEnvelope,
  cocoaSyncError,
  cocoaSyncErrorAgainEnvelope,
  cocoaSyncErrorEnvelope,
  reactNativeIosCrashEnvelope,
} from "@/lib/sentry/__fixtures__/sdk-cocoa";

const RECEIVED_AT = new Date("2026-01-01T12:00:00.000Z");

function ingest(body: Buffer) {
  const contents = unpackEnvelope(parseEnvelope(body));
  const prepared = contents.events.map((e) => prepareEvent(e, RECEIVED_AT));
  return { contents, prepared, event: prepared[0] };
}

const sentryMeta = (e: PreparedEvent) => e.metadata.sentry as Record<string, unknown>;
const inAppFrames = (e: PreparedEvent) => e.frames.filter((f) => f.inApp === true);

describe("sentry-cocoa: envelopes and transport", () => {
  it("reads every envelope the SDK builds (length on every item, no trailing newline) without refusing it", () => {
    for (const body of [
      cocoaSyncErrorEnvelope,
      cocoaSyncErrorAgainEnvelope,
      cocoaCheckoutErrorEnvelope,
      cocoaOfflineErrorEnvelope,
      cocoaCertificateErrorEnvelope,
      cocoaCouponMessageEnvelope,
      cocoaCouponMessageAgainEnvelope,
      cocoaPlainMessageEnvelope,
      cocoaCrashEnvelope,
      cocoaOtherTrapCrashEnvelope,
      reactNativeIosCrashEnvelope,
    ]) {
      const { contents, prepared } = ingest(body);
      expect(contents.events).toHaveLength(1);
      expect(prepared[0].platform).toBe("cocoa");
      expect(contents.eventId).toBe(parseEnvelope(body).header.event_id);
    }
  });

  it("accepts the X-Sentry-Auth header as sentry-cocoa writes it (no spaces after the commas)", () => {
    const auth = parseSentryAuth(`Sentry sentry_version=7,sentry_client=sentry.cocoa/${COCOA_SDK_VERSION},sentry_key=${COCOA_PUBLIC_KEY}`, null);
    expect(auth).toEqual({ key: COCOA_PUBLIC_KEY, client: `sentry.cocoa/${COCOA_SDK_VERSION}`, version: "7" });
  });

  it("routes the envelope URL the SDK derives from the DSN (trailing slash, no query string)", () => {
    expect(matchIngestRoute("POST", "/api/17/envelope/")).toEqual({ door: "sentry", endpoint: "envelope", publicId: "17", preflight: false });
  });

  it("drops a structured-log batch (`log` item) on purpose, without refusing the envelope", () => {
    const { contents } = ingest(cocoaLogEnvelope);
    expect(contents.events).toEqual([]);
    expect(contents.dropped).toEqual({ log: 1 });
  });
});

describe("sentry-cocoa: a captured Swift error with NSUnderlyingError causes", () => {
  const { event } = ingest(cocoaSyncErrorEnvelope);

  it("shows the captured error (the last exception value) as type and message, at error severity", () => {
    expect(event).toMatchObject({
      eventId: "4e1f7a2c9b3d4c58a6e0f1b2c3d4e5f6",
      type: "Pantry.SyncError",
      message: 'uploadFailed(batchId: "B-5521") (Code: 1)',
      severity: "high",
      platform: "cocoa",
      environment: "production",
      release: COCOA_RELEASE,
      userId: "u-48120",
    });
    expect(event.occurredAt.toISOString()).toBe("2026-01-01T10:00:02.482Z");
    expect(event.tags).toEqual({ feature: "offline-sync", "sync.mode": "background" });
  });

  it("keeps the underlying errors as the chain, raised first, each as a cause", () => {
    expect(event.exceptions!.map((e) => [e.type, e.message, e.relation])).toEqual([
      ["Pantry.SyncError", 'uploadFailed(batchId: "B-5521") (Code: 1)', "raised"],
      ["NSURLErrorDomain", "Code: -1001", "cause"],
      ["kCFErrorDomainCFNetwork", "Code: -1001", "cause"],
    ]);
  });

  it("takes the stack from the current thread (the exceptions carry none), in-app frames being the app binary", () => {
    expect(event.frames).toHaveLength(13);
    expect(inAppFrames(event)).toHaveLength(3);
    expect(inAppFrames(event).every((f) => f.module === PANTRY_BINARY)).toBe(true);
    expect(event.frames.at(-1)).toMatchObject({ module: PANTRY_BINARY, inApp: true });
    expect(event.frames[0]).toMatchObject({ module: "/usr/lib/dyld", inApp: false });
  });

  it("names the app binary as the culprit (frames are unsymbolicated: no function or file)", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("Pantry");
  });

  it("keeps the device, OS and app contexts, the NSError mechanism, the breadcrumbs and the SDK", () => {
    const meta = sentryMeta(event);
    const contexts = meta.contexts as Record<string, Record<string, unknown>>;
    expect(contexts.device).toMatchObject({ model: "iPhone16,1", family: "iOS" });
    expect(contexts.os).toMatchObject({ name: "iOS", version: "18.2.1" });
    expect(contexts.app).toMatchObject({ app_version: "4.2.0", app_build: "318" });
    expect(meta.mechanism).toMatchObject({ type: "NSError", meta: { ns_error: { domain: "Pantry.SyncError", code: 1 } } });
    expect(meta.breadcrumbs).toHaveLength(3);
    expect(meta.sdk).toMatchObject({ name: "sentry.cocoa", version: COCOA_SDK_VERSION });
    expect(meta.dist).toBe("318");
    expect(meta.extra).toEqual({ pending_items: 14 });
  });

  it("keeps the innermost app frame's instruction address and where its binary was loaded", () => {
    const innermost = (cocoaSyncError.threads.values[0].stacktrace as { frames: Record<string, unknown>[] }).frames.at(-1)!;
    const stored = JSON.stringify({ frames: event.frames, exceptions: event.exceptions, metadata: event.metadata });
    expect(stored).toContain(innermost.instruction_addr as string);
    expect(event.frames.at(-1)?.imageAddr).toMatch(/^0x[0-9a-f]+$/);
  });
});

describe("sentry-cocoa: grouping", () => {
  const first = ingest(cocoaSyncErrorEnvelope).event;

  it("groups the same bug seen on another launch (other ASLR slide, other offset, other batch id) with the first", () => {
    const again = ingest(cocoaSyncErrorAgainEnvelope).event;
    expect(again.message).toBe('uploadFailed(batchId: "B-7730") (Code: 1)');
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it("keeps a different bug (another error type) apart", () => {
    const other = ingest(cocoaCheckoutErrorEnvelope).event;
    expect(other.type).toBe("Pantry.CheckoutError");
    expect(other.fingerprint).not.toBe(first.fingerprint);
  });

  it("keeps NSErrors of one domain but different codes apart (mechanism.meta.ns_error)", () => {
    const offline = ingest(cocoaOfflineErrorEnvelope).event;
    const certificate = ingest(cocoaCertificateErrorEnvelope).event;
    expect([offline.type, offline.message]).toEqual(["NSURLErrorDomain", "Code: -1009"]);
    expect([certificate.type, certificate.message]).toEqual(["NSURLErrorDomain", "Code: -1202"]);
    expect(offline.fingerprint).not.toBe(certificate.fingerprint);
  });

  it("groups logged messages on their format string, whatever the arguments", () => {
    const a = ingest(cocoaCouponMessageEnvelope).event;
    const b = ingest(cocoaCouponMessageAgainEnvelope).event;
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it("keeps two different messages of the app apart", () => {
    const coupon = ingest(cocoaCouponMessageEnvelope).event;
    const queue = ingest(cocoaPlainMessageEnvelope).event;
    expect(coupon.fingerprint).not.toBe(queue.fingerprint);
  });

  it("keeps two different crashes of the same Mach exception type apart", () => {
    const nilUnwrap = ingest(cocoaCrashEnvelope).event;
    const outOfRange = ingest(cocoaOtherTrapCrashEnvelope).event;
    expect(outOfRange.type).toBe(nilUnwrap.type);
    expect(outOfRange.fingerprint).not.toBe(nilUnwrap.fingerprint);
  });
});

describe("sentry-cocoa: an unhandled crash (SentryCrash, mach exception) sent at the next launch", () => {
  const { contents, event } = ingest(cocoaCrashEnvelope);

  it("shows the Mach exception and the Swift runtime's message, fatal → critical, at the crash time", () => {
    expect(event).toMatchObject({
      type: "EXC_BREAKPOINT",
      message: "Pantry/Basket/BasketStore.swift:212: Fatal error: Unexpectedly found nil while unwrapping an Optional value",
      severity: "critical",
      environment: "production",
      release: COCOA_RELEASE,
      userId: "u-48120",
      tags: { feature: "checkout" },
    });
    expect(event.occurredAt.toISOString()).toBe("2026-01-01T09:55:05.000Z");
    expect(sentryMeta(event).mechanism).toMatchObject({ type: "mach", handled: false, meta: { signal: { name: "SIGTRAP" } } });
    expect(sentryMeta(event).level).toBe("fatal");
  });

  it("takes the crashed thread's stack from the exception: the runtime frame innermost, the app frames just outside it", () => {
    expect(event.frames).toHaveLength(cocoaCrashEvent.exception.values[0].stacktrace.frames.length);
    expect(event.frames.at(-1)).toMatchObject({ module: "/usr/lib/swift/libswiftCore.dylib", inApp: false });
    expect(event.frames.at(-2)).toMatchObject({ module: PANTRY_BINARY, inApp: true });
    expect(inAppFrames(event)).toHaveLength(3);
    expect(culpritOf(event.frames, event.platform)).toBe("Pantry");
  });

  it("counts the crashed session sent with it", () => {
    expect(contents.sessions).toEqual([{ minute: "2026-01-01T09:51:00.000Z", release: COCOA_RELEASE, environment: "production", ok: 0, errored: 0, crashed: 1, abnormal: 0, sid: expect.any(String), did: expect.any(String) }]);
  });

  it("is not grouped with a handled error of the same binary", () => {
    expect(event.fingerprint).not.toBe(ingest(cocoaSyncErrorEnvelope).event.fingerprint);
  });
});

describe("sentry-react-native: an iOS native crash (sentry.cocoa.react-native)", () => {
  const { event } = ingest(reactNativeIosCrashEnvelope);

  it("shows the Objective-C exception, critical, with the origin tags React Native adds", () => {
    expect(event).toMatchObject({
      type: "NSInvalidArgumentException",
      message: "-[__NSCFNumber length]: unrecognized selector sent to instance 0x8b1c3e6f2a4d9057",
      severity: "critical",
      platform: "cocoa",
      release: "com.example.pantryrn@2.8.1+77",
      userId: "u-7731",
      tags: { "event.origin": "ios", "event.environment": "native" },
    });
    expect(sentryMeta(event).sdk).toMatchObject({ name: "sentry.cocoa.react-native" });
    expect(sentryMeta(event).mechanism).toMatchObject({ type: "nsexception", handled: false });
  });

  it("uses the crashed method-queue thread's stack and names the app binary as the culprit", () => {
    expect(event.frames.at(-1)).toMatchObject({ module: "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation", inApp: false });
    expect(inAppFrames(event).map((f) => f.module)).toEqual([PANTRY_RN_BINARY, PANTRY_RN_BINARY]);
    expect(culpritOf(event.frames, event.platform)).toBe("PantryRN");
  });
});

describe("sentry-cocoa: captured messages", () => {
  it("shows a message built with a format string and its arguments, at warning severity, with its logger", () => {
    const { event } = ingest(cocoaCouponMessageEnvelope);
    expect(event).toMatchObject({ type: "Message", message: "Coupon SPRING25 rejected for basket K-3310", severity: "medium", userId: "u-48120" });
    expect(sentryMeta(event).logger).toBe("pantry.checkout");
    expect(inAppFrames(event)).toHaveLength(3); // attachStacktrace (on by default): the current thread
    expect(culpritOf(event.frames, event.platform)).toBe("Pantry");
  });

  it("shows SentrySDK.capture(message:) (formatted text only, level info) as a low-severity message", () => {
    const { event } = ingest(cocoaPlainMessageEnvelope);
    expect(event).toMatchObject({ type: "Message", message: "Offline queue passed 500 items; dropping the oldest", severity: "low" });
    expect(event.occurredAt.toISOString()).toBe("2026-01-01T10:21:40.750Z");
  });
});
