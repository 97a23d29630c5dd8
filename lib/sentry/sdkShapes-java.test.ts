import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { selectGroupingFrames } from "@/lib/grouping/frames/selectGroupingFrames";
import { readBody } from "@/lib/http/readBody";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  ANDROID_CRASH_EVENT_ID,
  ANR_EVENT_ID,
  CAPTURED_MESSAGE_EVENT_ID,
  JAVA_DSN_KEY,
  JAVA_SDK_VERSION,
  LEGACY_STORE_EVENT_ID,
  LOGBACK_EVENT_ID,
  PLAIN_JAVA_EVENT_ID,
  SPRING_CHAIN_EVENT_ID,
  TOMBSTONE_EVENT_ID,
  androidCrashEnvelope,
  anrBackgroundEnvelope,
  anrForegroundEnvelope,
  capturedMessageEnvelope,
  exportWithSuppressedEnvelope,
  exportWithoutSuppressedEnvelope,
  frameworkCrashAEnvelope,
  frameworkCrashBEnvelope,
  javaHttpRequest,
  legacyStoreEvent,
  logbackMessageAgainEnvelope,
  logbackMessageEnvelope,
  logbackWithExceptionEnvelope,
  ndkSignalEnvelope,
  plainJavaEnvelope,
  springChainedAgainEnvelope,
  springChainedEnvelope,
  springOtherBugEnvelope,
  springUnhandledEnvelope,
  tombstoneEnvelope,
} from "@/lib/sentry/__fixtures__/sdk-java";

/**
 * What sentry-java (plain Java, Spring Boot, Logback, Android incl. ANR and native crashes) sends,
 * run through parseEnvelope → unpackEnvelope → prepareEvent → culpritOf, as the Sentry door does.
 * Payload shapes: lib/sentry/__fixtures__/sdk-java.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T12:05:00.000Z");

function ingest(body: Buffer) {
  const envelope = parseEnvelope(body);
  const contents = unpackEnvelope(envelope);
  const prepared = contents.events.map((e) => prepareEvent(e, RECEIVED_AT));
  const event = prepared[0];
  return { envelope, contents, prepared, event, culprit: culpritOf(event?.frames, event?.platform) };
}

const sentryOf = (e: PreparedEvent) => e.metadata.sentry as Record<string, unknown>;
const chainOf = (e: PreparedEvent) => (e.exceptions ?? []).map((x) => [x.type, x.relation]);
const innermost = (e: PreparedEvent) => e.frames.at(-1)!;

const ALL = {
  springChainedEnvelope,
  springChainedAgainEnvelope,
  springOtherBugEnvelope,
  springUnhandledEnvelope,
  exportWithSuppressedEnvelope,
  exportWithoutSuppressedEnvelope,
  capturedMessageEnvelope,
  logbackMessageEnvelope,
  logbackMessageAgainEnvelope,
  logbackWithExceptionEnvelope,
  androidCrashEnvelope,
  anrForegroundEnvelope,
  anrBackgroundEnvelope,
  tombstoneEnvelope,
  ndkSignalEnvelope,
  plainJavaEnvelope,
  frameworkCrashAEnvelope,
  frameworkCrashBEnvelope,
};

describe("sentry-java: transport and envelope framing", () => {
  it("POSTs to /api/<project>/envelope/ (trailing slash), which the ingest routes serve", () => {
    const { url, method } = javaHttpRequest();
    const { pathname } = new URL(url);
    expect(matchIngestRoute(method, pathname)).toEqual({ door: "sentry", endpoint: "envelope", publicId: "42", preflight: false });
  });

  it("reads the key and client from X-Sentry-Auth (no spaces after commas, optional legacy secret)", () => {
    const header = javaHttpRequest("sentry.java.android").headers["X-Sentry-Auth"];
    expect(parseSentryAuth(header, null)).toEqual({ key: JAVA_DSN_KEY, client: `sentry.java.android/${JAVA_SDK_VERSION}`, version: "7" });
    expect(parseSentryAuth(`${header},sentry_secret=0badc0de0badc0de`, null).key).toBe(JAVA_DSN_KEY);
  });

  it("decodes the always-gzipped body with the SDK's headers", async () => {
    const { url, method, headers } = javaHttpRequest();
    const req = new Request(url, { method, headers, body: gzipSync(springChainedEnvelope) });
    const body = await readBody(req, { maxWireBytes: 20 * 1024 * 1024, maxDecodedBytes: 20 * 1024 * 1024 });
    expect(body.equals(springChainedEnvelope)).toBe(true);
  });

  it("refuses (400) the header-only gzip body of sentry-apache-http-client-5 (read before the gzip stream was finished)", async () => {
    const { url, method, headers } = javaHttpRequest();
    const truncated = gzipSync(springChainedEnvelope).subarray(0, 10);
    const req = new Request(url, { method, headers, body: truncated });
    await expect(readBody(req, { maxWireBytes: 1024 * 1024, maxDecodedBytes: 1024 * 1024 })).rejects.toMatchObject({ status: 400 });
  });

  it("parses the SDK's framing: header line without dsn, every item with a length, a newline after each payload", () => {
    const envelope = parseEnvelope(springUnhandledEnvelope);
    expect(envelope.header).toMatchObject({ sdk: { name: "sentry.java.spring-boot.jakarta", version: JAVA_SDK_VERSION }, sent_at: "2026-03-14T09:26:54.102Z" });
    expect(envelope.header.dsn).toBeUndefined();
    expect(envelope.items.map((i) => [i.type, i.header.content_type, typeof i.header.length])).toEqual([
      ["event", "application/json", "number"],
      ["client_report", "application/json", "number"],
    ]);
    expect(springUnhandledEnvelope.at(-1)).toBe(0x0a);
  });

  it.each(Object.entries(ALL))("accepts %s whole: one event, no error", (_name, body) => {
    const { contents, prepared } = ingest(body);
    expect(contents.events).toHaveLength(1);
    expect(prepared[0].eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(contents.dropped).toEqual({});
  });
});

describe("sentry-java: captureException with a cause chain (Spring Boot request)", () => {
  const { event, contents, culprit } = ingest(springChainedEnvelope);

  it("titles the issue by the raised exception (the last of exception.values), severity high without a level", () => {
    expect(contents.eventId).toBe(SPRING_CHAIN_EVENT_ID);
    expect(event).toMatchObject({
      eventId: SPRING_CHAIN_EVENT_ID,
      type: "InvoiceSyncException",
      message: "Could not push invoice INV-20931 to the ledger",
      severity: "high",
      platform: "java",
    });
  });

  it("keeps the whole chain, raised first, each cause after the exception it caused", () => {
    expect(chainOf(event)).toEqual([
      ["InvoiceSyncException", "raised"],
      ["CannotGetJdbcConnectionException", "cause"],
      ["SQLTransientConnectionException", "cause"],
    ]);
    expect(event.exceptions![2].message).toBe("ledger-pool - Connection is not available, request timed out after 30004ms (total=10, active=10, idle=0, waiting=3)");
    expect(innermost({ ...event, frames: event.exceptions![2].frames })).toMatchObject({ module: "com.zaxxer.hikari.pool.HikariPool", function: "createTimeoutException", lineno: 686 });
  });

  it("keeps the SDK's in-app marks: app frames in_app, framework and JDK frames unmarked", () => {
    expect(event.frames.filter((f) => f.inApp === true).map((f) => `${f.module}.${f.function}`)).toEqual([
      "com.acme.billing.web.InvoiceController.syncInvoice",
      "com.acme.billing.sync.LedgerSyncService$$SpringCGLIB$$0.pushInvoice",
      "com.acme.billing.sync.LedgerSyncService.pushInvoice",
    ]);
    expect(event.frames[0]).toEqual({ filename: "Thread.java", function: "run", module: "java.lang.Thread", lineno: 1583 });
    expect(innermost(event)).toEqual({ filename: "LedgerSyncService.java", function: "pushInvoice", module: "com.acme.billing.sync.LedgerSyncService", lineno: 118, inApp: true });
  });

  it("names the innermost app frame as the culprit", () => {
    expect(culprit).toBe("LedgerSyncService.java in pushInvoice");
  });

  it("keeps time, environment, release, user, tags and the request", () => {
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T09:26:53.589Z");
    expect(event).toMatchObject({ environment: "production", release: "billing-service@3.14.2", userId: "jdoe", tags: { tenant: "northwind", request_id: "req-7f31c0" } });
    expect(sentryOf(event)).toMatchObject({
      transaction: "POST /invoices/{id}/sync",
      server_name: "billing-7c9f5d-x2k4q",
      request: { method: "POST", url: "https://billing.acme.test/invoices/INV-20931/sync", query_string: "dryRun=false" },
      mechanism: { type: "chained", exception_id: 0 },
    });
    expect(sentryOf(event).breadcrumbs).toHaveLength(2);
  });

  it("groups the same bug raised from another line with another invoice id, and a different bug apart", () => {
    const again = ingest(springChainedAgainEnvelope).event;
    const other = ingest(springOtherBugEnvelope);
    expect(again.eventId).not.toBe(event.eventId);
    expect(again.message).toBe("Could not push invoice INV-20977 to the ledger");
    expect(again.fingerprint).toBe(event.fingerprint);
    expect(other.event.type).toBe("NumberFormatException");
    expect(other.culprit).toBe("InvoiceController.java in parseAmount");
    expect(other.event.fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-java: plain Java without in-app configuration (no frame carries in_app)", () => {
  const { event, culprit } = ingest(plainJavaEnvelope);

  it("still finds the application frame and groups with the same bug marked in-app", () => {
    expect(event).toMatchObject({ eventId: PLAIN_JAVA_EVENT_ID, type: "InvoiceSyncException", message: "Could not push invoice INV-21002 to the ledger" });
    expect(event.frames.every((f) => f.inApp === undefined)).toBe(true);
    expect(culprit).toBe("LedgerSyncService.java in pushInvoice");
    expect(event.fingerprint).toBe(ingest(springChainedEnvelope).event.fingerprint);
  });
});

describe("sentry-java 1.7.x: legacy store endpoint", () => {
  it("is served at /api/<project>/store/", () => {
    expect(matchIngestRoute("POST", "/api/42/store/")).toMatchObject({ door: "sentry", endpoint: "store", publicId: "42" });
  });

  it("reads legacy interface names, the bare exception list, a zone-less timestamp and negative line numbers", () => {
    const [input] = unpackStoreEvent(JSON.parse(JSON.stringify(legacyStoreEvent)));
    const event = prepareEvent(input, RECEIVED_AT);
    expect(event).toMatchObject({ eventId: LEGACY_STORE_EVENT_ID, type: "InvoiceSyncException", message: "Could not push invoice INV-18840 to the ledger", severity: "high", environment: "staging", release: "billing-service@2.9.0" });
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T09:30:12.000Z");
    expect(chainOf(event)).toEqual([
      ["InvoiceSyncException", "raised"],
      ["SQLTransientConnectionException", "cause"],
    ]);
    expect(event.frames.find((f) => f.module === "java.lang.reflect.Method")?.lineno).toBeUndefined();
    expect(culpritOf(event.frames, event.platform)).toBe("LedgerSyncService.java in pushInvoice");
    expect(sentryOf(event)).toMatchObject({ logger: "com.acme.billing.sync.LedgerSyncService", message: "Could not push invoice INV-18840 to the ledger" });
  });
});

describe("sentry-java: suppressed exceptions (try-with-resources)", () => {
  const withSuppressed = ingest(exportWithSuppressedEnvelope).event;
  const plain = ingest(exportWithoutSuppressedEnvelope).event;

  it("titles the event by the raised exception and keeps its real cause", () => {
    expect(withSuppressed).toMatchObject({ type: "ExportFailedException", message: "Export of ledger batch 7781 failed" });
    expect(chainOf(plain)).toEqual([
      ["ExportFailedException", "raised"],
      ["IOException", "cause"],
    ]);
    expect(withSuppressed.exceptions!.map((e) => e.type)).toEqual(expect.arrayContaining(["ExportFailedException", "IOException", "LockReleaseException"]));
  });

  it("marks the suppressed exception as suppressed and keeps IOException as the raised exception's cause", () => {
    const relationOf = (type: string) => withSuppressed.exceptions!.find((e) => e.type === type)?.relation;
    expect(relationOf("LockReleaseException")).toBe("suppressed");
    expect(relationOf("IOException")).toBe("cause");
    expect(withSuppressed.exceptions![1].type).toBe("IOException");
  });

  it("groups the same failure with and without a suppressed exception", () => {
    expect(withSuppressed.fingerprint).toBe(plain.fingerprint);
  });
});

describe("sentry-java: Spring MVC unhandled exception (SentryExceptionResolver)", () => {
  const { event, contents, culprit } = ingest(springUnhandledEnvelope);

  it("is critical (level fatal) and keeps the unhandled mechanism", () => {
    expect(event).toMatchObject({ type: "IllegalArgumentException", message: "Unknown currency code: XBT", severity: "critical" });
    expect(sentryOf(event)).toMatchObject({ mechanism: { type: "Spring6ExceptionResolver", handled: false }, level: "fatal", transaction: "POST /invoices" });
    expect(culprit).toBe("CurrencyResolver.java in resolve");
  });

  it("reads the client report the transport attached", () => {
    expect(contents.discards).toEqual(
      expect.arrayContaining([expect.objectContaining({ reason: "before_send", category: "error", quantity: 1 }), expect.objectContaining({ reason: "sample_rate", category: "transaction", quantity: 14 })]),
    );
  });
});

describe("sentry-java: messages", () => {
  it("captureMessage: the text, warning → medium, the attached current-thread stack and its app frame", () => {
    const { event, culprit } = ingest(capturedMessageEnvelope);
    expect(event).toMatchObject({ eventId: CAPTURED_MESSAGE_EVENT_ID, type: "Message", message: "Ledger reconciliation finished with 3 unmatched entries", severity: "medium" });
    expect(event.frames.map((f) => f.function)).toContain("run");
    expect(culprit).toBe("ReconciliationJob.java in run");
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T03:15:00.412Z");
  });

  it("Logback: formatted text, the SLF4J pattern as template, error → high, logger and MDC kept", () => {
    const { event, culprit } = ingest(logbackMessageEnvelope);
    expect(event).toMatchObject({
      eventId: LOGBACK_EVENT_ID,
      type: "Message",
      message: "Payment provider rejected refund rf_8812 for order 5531",
      severity: "high",
      tags: { request_id: "req-91ab20" },
      userId: "jdoe",
    });
    expect(sentryOf(event)).toMatchObject({ logger: "com.acme.billing.refunds.RefundService", extra: { thread_name: "http-nio-8080-exec-7" }, contexts: { MDC: { provider: "payfast", attempt: "2" } } });
    expect(culprit).toBe("RefundService.java in refund");
  });

  it("Logback: the same log call with other values is the same issue; another message is not", () => {
    const first = ingest(logbackMessageEnvelope).event;
    const again = ingest(logbackMessageAgainEnvelope).event;
    expect(again.message).toBe("Payment provider rejected refund rf_9140 for order 5602");
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(ingest(capturedMessageEnvelope).event.fingerprint).not.toBe(first.fingerprint);
  });

  it("Logback with a throwable: titled by the exception, the log line kept beside it", () => {
    const { event, culprit } = ingest(logbackWithExceptionEnvelope);
    expect(event).toMatchObject({ type: "RefundRejectedException", message: "Provider answered 409: refund window closed", severity: "high" });
    expect(sentryOf(event)).toMatchObject({ message: "Refund rf_9177 failed", mechanism: { type: "LogbackSentryAppender" }, logger: "com.acme.billing.refunds.RefundService" });
    expect(culprit).toBe("PayfastClient.java in requestRefund");
  });
});

describe("sentry-java: Android app crash (UncaughtExceptionHandler)", () => {
  const { event, contents, culprit } = ingest(androidCrashEnvelope);

  it("is a critical IllegalStateException with the unhandled mechanism", () => {
    expect(event).toMatchObject({
      eventId: ANDROID_CRASH_EVENT_ID,
      type: "IllegalStateException",
      message: "Cart line 5521 has no price",
      severity: "critical",
      platform: "java",
      environment: "production",
      release: "com.acme.shop@4.2.0+420",
      userId: "e2b0c7a4-91d3-4f58-a6c2-7b1e0d9f3a64",
      tags: { isSideLoaded: "false", installerStore: "com.android.vending" },
    });
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T11:58:52.031Z");
    expect(sentryOf(event)).toMatchObject({ mechanism: { type: "UncaughtExceptionHandler", handled: false }, dist: "420", contexts: { app: { app_identifier: "com.acme.shop" } } });
  });

  it("keeps Kotlin app frames in-app and a native method frame without a line", () => {
    expect(event.frames.filter((f) => f.inApp).map((f) => f.function)).toEqual(["onViewCreated$lambda$3", "checkout", "totalFor"]);
    expect(event.frames.find((f) => f.module === "java.lang.reflect.Method")).toEqual({ filename: "Method.java", function: "invoke", module: "java.lang.reflect.Method" });
    expect(culprit).toBe("CartViewModel.kt in totalFor");
  });

  it("counts the crashed session sent in the same envelope", () => {
    expect(contents.sessions).toEqual([expect.objectContaining({ crashed: 1, ok: 0, errored: 0, release: "com.acme.shop@4.2.0+420", environment: "production" })]);
  });
});

describe("sentry-java: Android crashes inside the framework (no app frame)", () => {
  const a = ingest(frameworkCrashAEnvelope);
  const b = ingest(frameworkCrashBEnvelope);

  it("maps both as critical IllegalStateExceptions", () => {
    expect(a.event).toMatchObject({ type: "IllegalStateException", message: "Can not perform this action after onSaveInstanceState", severity: "critical" });
    expect(b.event).toMatchObject({ type: "IllegalStateException", severity: "critical" });
  });

  it("names the innermost frame, not the process entry point, as the culprit", () => {
    expect(a.culprit).toBe("FragmentManager.java in checkStateLoss");
    expect(b.culprit).toBe("RecyclerView.java in assertNotInLayoutOrScroll");
  });

  it("keeps two different framework-only crashes of the same type apart", () => {
    expect(a.event.fingerprint).not.toBe(b.event.fingerprint);
  });
});

describe("sentry-java: Android ANR (AnrV2Integration)", () => {
  const { event, contents, culprit } = ingest(anrForegroundEnvelope);

  it("is a critical ApplicationNotResponding with the main thread's stack", () => {
    expect(event).toMatchObject({ eventId: ANR_EVENT_ID, type: "ApplicationNotResponding", message: "ANR", severity: "critical" });
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T08:12:05.660Z");
    expect(event.frames.at(-1)).toMatchObject({ function: "syscall", module: "/apex/com.android.runtime/lib64/bionic/libc.so" });
    expect(culprit).toBe("PriceCache.kt in loadBlocking");
  });

  it("keys the ANR on the app's Java frames: the thread dump's native frames (libc, libart) are the platform's", () => {
    const keys = selectGroupingFrames(event.frames, "java").keys;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toMatch(/libc|libart|syscall|Monitor::Wait/);
  });

  it("keeps the thread dump attachment", () => {
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: ANR_EVENT_ID, filename: "thread-dump.txt", contentType: "text/plain", attachmentType: "event.attachment" })]);
  });

  it("keeps foreground and background ANRs of the same stack apart, as the SDK's fingerprint asks", () => {
    const background = ingest(anrBackgroundEnvelope).event;
    expect(background.message).toBe("Background ANR");
    expect(background.fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-java: Android native crashes", () => {
  const tombstone = ingest(tombstoneEnvelope);
  const ndk = ingest(ndkSignalEnvelope);

  it("maps the native frames and names the crashing library function as the culprit", () => {
    expect(tombstone.event).toMatchObject({ eventId: TOMBSTONE_EVENT_ID, severity: "critical", platform: "native", release: "com.acme.shop@4.2.0+420" });
    expect(tombstone.event.frames.at(-1)).toMatchObject({ function: "memcpy", module: "/apex/com.android.runtime/lib64/bionic/libc.so", inApp: false });
    expect(tombstone.culprit).toBe("libimagecore.so in decode_tile");
    expect(ndk.culprit).toBe("libimagecore.so in decode_tile");
  });

  it("titles a tombstone crash by its signal, keeping debuggerd's line beside it", () => {
    expect(tombstone.event).toMatchObject({ type: "SIGSEGV", message: "Segfault" });
    expect(sentryOf(tombstone.event).message).toBe("Fatal signal SIGSEGV (11), SEGV_MAPERR (1), pid = 23817 (com.acme.shop)");
  });

  it("titles an NDK signal-handler crash by its signal", () => {
    expect(ndk.event).toMatchObject({ type: "SIGSEGV", message: "Segfault", severity: "critical" });
  });
});
