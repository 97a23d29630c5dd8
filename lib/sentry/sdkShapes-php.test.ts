import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { readBody } from "@/lib/http/readBody";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { correctEventTime } from "@/lib/sentry/correctEventTime";
import { decodeLegacyStoreBody } from "@/lib/sentry/legacyStoreBody";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  IMPORTER_RELEASE,
  PHP_DSN,
  PHP_EVENT_IDS,
  PHP_PUBLIC_KEY,
  SHOP_RELEASE,
  importerParamMessageEvent,
  legacyStoreBody,
  phpEnvelope,
  phpEnvelopes,
  phpRequests,
} from "@/lib/sentry/__fixtures__/sdk-php";

/**
 * Shapes sentry-php 4.x (core, Laravel) and 3.x send (see the fixture's header), run through the pipeline
 * of POST /api/:id/envelope/: parseEnvelope → unpackEnvelope → correctEventTime → prepareEvent, received
 * just after the SDK's `sent_at`.
 */
function ingest(body: Buffer) {
  const envelope = parseEnvelope(body);
  const contents = unpackEnvelope(envelope);
  expect(contents.events).toHaveLength(1);
  const receivedAt = new Date(Date.parse(String(envelope.header.sent_at)) + 800);
  const prepared = prepareEvent(correctEventTime(contents.events[0], envelope.header.sent_at, receivedAt), receivedAt);
  return { envelope, contents, prepared, culprit: culpritOf(prepared.frames, prepared.platform) };
}
const sentryMeta = (p: PreparedEvent) => (p.metadata as { sentry: Record<string, unknown> }).sentry;
const tagMap = (p: PreparedEvent) => Object.fromEntries(eventTags(p));

describe("sentry-laravel 4.x: report() of a PaymentFailedException wrapping the HTTP client's errors", () => {
  const { envelope, contents, prepared, culprit } = ingest(phpEnvelopes.checkout);

  it("parses the envelope: PHP-escaped slashes, no item length, no trailing newline, event id only in the header", () => {
    expect(phpEnvelopes.checkout.includes("https:\\/\\/")).toBe(true);
    expect(phpEnvelopes.checkout.at(-1)).toBe("}".charCodeAt(0));
    expect(Object.keys(envelope.header)).toEqual(["sent_at", "dsn", "sdk", "event_id", "trace"]);
    expect(envelope.header.dsn).toBe(PHP_DSN);
    expect(envelope.items).toHaveLength(1);
    expect(envelope.items[0].header).toEqual({ type: "event", content_type: "application/json" });
    expect((JSON.parse(envelope.items[0].payload.toString("utf8")) as Record<string, unknown>).event_id).toBeUndefined();
    expect(contents.eventId).toBe(PHP_EVENT_IDS.checkout);
    expect(prepared.eventId).toBe(PHP_EVENT_IDS.checkout);
    expect(contents.dropped).toEqual({});
  });

  it("titles the issue with the raised exception (the last of exception.values), at error severity", () => {
    expect(prepared.type).toBe("App\\Exceptions\\PaymentFailedException");
    expect(prepared.message).toBe("Payment for order #10482 could not be captured");
    expect(prepared.severity).toBe("high"); // no `level`: Sentry's default, error
    expect(prepared.platform).toBe("php");
  });

  it("keeps the getPrevious() chain raised first: app exception, Laravel's ConnectionException, Guzzle's ConnectException", () => {
    expect(prepared.exceptions?.map((e) => [e.type, e.relation])).toEqual([
      ["App\\Exceptions\\PaymentFailedException", "raised"],
      ["Illuminate\\Http\\Client\\ConnectionException", "cause"],
      ["GuzzleHttp\\Exception\\ConnectException", "cause"],
    ]);
    expect(prepared.exceptions?.[2].message).toMatch(/^cURL error 28: Operation timed out after 10001 milliseconds/);
    expect(prepared.exceptions?.[2].frames.at(-1)).toMatchObject({ function: "GuzzleHttp\\Handler\\CurlFactory::createRejection", inApp: false });
  });

  it("keeps the frames outermost first, the script frame without a function, vendor frames not in-app", () => {
    expect(prepared.frames[0]).toEqual({
      filename: "/public/index.php",
      absPath: "/var/www/storefront/public/index.php",
      lineno: 17,
      inApp: true,
      contextLine: "$app->handleRequest(Request::capture());",
      preContext: ["// Bootstrap the framework and let it take the request", "/** @var Application $app */", "$app = require_once __DIR__.'/../bootstrap/app.php';", ""],
    });
    expect(prepared.frames[1]).toMatchObject({ filename: "/vendor/laravel/framework/src/Illuminate/Foundation/Application.php", function: "Illuminate\\Foundation\\Application::handleRequest", lineno: 1190, inApp: false });
    expect(prepared.frames.at(-1)).toMatchObject({
      filename: "/app/Services/Payments/PaymentGateway.php",
      absPath: "/var/www/storefront/app/Services/Payments/PaymentGateway.php",
      function: "App\\Services\\Payments\\PaymentGateway::capture",
      lineno: 57,
      inApp: true,
      contextLine: '            throw new PaymentFailedException("Payment for order #{$order->number} could not be captured", previous: $e);',
    });
    expect(prepared.frames.filter((f) => f.inApp).map((f) => f.function)).toEqual([undefined, "App\\Http\\Controllers\\CheckoutController::store", "App\\Services\\Payments\\PaymentGateway::capture"]);
    expect(prepared.frames.every((f) => f.module === undefined && f.colno === undefined)).toBe(true); // PHP sends neither
  });

  it("names the innermost app frame as the culprit", () => {
    expect(culprit).toBe("Services/Payments/PaymentGateway.php in App\\Services\\Payments\\PaymentGateway::capture");
  });

  it("reads the microtime(true) timestamp, environment, release, the integer user id and the tags", () => {
    expect(prepared.occurredAt.toISOString()).toBe("2026-03-10T14:22:04.621Z");
    expect(prepared.environment).toBe("production");
    expect(prepared.release).toBe(SHOP_RELEASE);
    expect(prepared.userId).toBe("5531");
    expect(prepared.tags).toEqual({ tenant: "acme-eu", "checkout.step": "payment" });
  });

  it("keeps what the SDK adds around the exception: mechanism, request, user, contexts, breadcrumbs, extra, transaction", () => {
    const meta = sentryMeta(prepared);
    expect(meta.mechanism).toEqual({ type: "generic", handled: true });
    expect(meta.transaction).toBe("/checkout/{cart}");
    expect(meta.server_name).toBe("web-3");
    expect(meta.extra).toEqual({ exception_context: { order_number: "10482", gateway: "paygate" } });
    expect(meta.user).toMatchObject({ id: 5531, email: "zoe.kim@example.org" });
    expect(meta.contexts).toMatchObject({ runtime: { name: "php", sapi: "fpm-fcgi", version: "8.3.14" }, os: { name: "Linux" } });
    expect(meta.breadcrumbs).toHaveLength(4);
    expect(meta.request).toMatchObject({ method: "POST", url: "https://shop.example.org/checkout/c_81f2", data: { shipping_method: "express", accept_terms: "1" } });
    expect(meta.sdk).toMatchObject({ name: "sentry.php.laravel", version: "4.26.0" });
  });

  it("derives the issue-page tags a PHP engineer filters by (handled, mechanism, transaction, url, runtime, os)", () => {
    const tags = tagMap(prepared);
    expect(tags).toMatchObject({
      handled: "yes",
      mechanism: "generic",
      transaction: "/checkout/{cart}",
      url: "https://shop.example.org/checkout/c_81f2",
      server_name: "web-3",
      "runtime.name": "php",
      runtime: "php 8.3.14",
      "os.name": "Linux",
      user: "5531",
    });
  });

  it("derives the browser from the request's User-Agent header, sent as a one-element list", () => {
    expect(tagMap(prepared)["browser.name"]).toBe("Safari");
  });

  it("keeps the arguments the SDK sends as the frame's vars", () => {
    expect((prepared.frames.at(-1) as Record<string, unknown>).vars).toEqual({ order: "Object App\\Models\\Order" });
  });
});

describe("grouping of the checkout failure", () => {
  const first = ingest(phpEnvelopes.checkout).prepared;
  const again = ingest(phpEnvelopes.checkoutAgain).prepared;
  const other = ingest(phpEnvelopes.discount).prepared;

  it("groups the same bug raised two lines lower, for another order, into one issue", () => {
    expect(again.message).toBe("Payment for order #10517 could not be captured");
    expect(again.frames.at(-1)?.lineno).toBe(59);
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it("keeps a different bug in another issue", () => {
    expect(other.fingerprint).not.toBe(first.fingerprint);
  });

  it("groups the same bug on PHP 8.4, where closure names carry their definition line", () => {
    const first84 = ingest(phpEnvelopes.checkoutPhp84).prepared;
    const again84 = ingest(phpEnvelopes.checkoutPhp84Again).prepared;
    expect(again84.fingerprint).toBe(first84.fingerprint);
  });
});

describe("sentry-laravel 4.x: an uncaught DivisionByZeroError (Laravel's exception handler)", () => {
  const { prepared, culprit } = ingest(phpEnvelopes.discount);

  it("shows PHP's own Error type, unhandled, at error severity", () => {
    expect(prepared.type).toBe("DivisionByZeroError");
    expect(prepared.message).toBe("Division by zero");
    expect(prepared.severity).toBe("high");
    expect(sentryMeta(prepared).mechanism).toEqual({ type: "generic", handled: false });
    expect(tagMap(prepared).handled).toBe("no");
    expect(prepared.exceptions?.map((e) => e.type)).toEqual(["DivisionByZeroError"]);
  });

  it("keeps the \"[internal]\" frame of array_map (line 0) as a library frame and blames the app's innermost frame", () => {
    expect(prepared.frames.find((f) => f.filename === "[internal]")).toEqual({ filename: "[internal]", function: "array_map", lineno: 0, inApp: false });
    expect(culprit).toBe("Services/Pricing/DiscountCalculator.php in App\\Services\\Pricing\\DiscountCalculator::percentOff");
  });
});

describe("sentry/sentry 4.x: a fatal error (FatalErrorListenerIntegration) in a CLI worker", () => {
  const { prepared, culprit, contents } = ingest(phpEnvelopes.fatal);

  it("shows the FatalErrorException at fatal level, unhandled", () => {
    expect(contents.eventId).toBe(PHP_EVENT_IDS.fatal);
    expect(prepared.type).toBe("Sentry\\Exception\\FatalErrorException");
    expect(prepared.message).toBe("Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 134217736 bytes)");
    expect(prepared.severity).toBe("critical");
    expect(sentryMeta(prepared).mechanism).toEqual({ type: "generic", handled: false, data: { code: 0 } });
    expect(prepared.release).toBe(IMPORTER_RELEASE);
    expect(prepared.tags).toEqual({ feed: "suppliers-eu" });
    expect(sentryMeta(prepared).contexts).toMatchObject({ runtime: { sapi: "cli" } });
    expect(tagMap(prepared)).toMatchObject({ server_name: "batch-2", handled: "no" });
  });

  it("keeps the one function-less frame the SDK sends and blames its file", () => {
    expect(prepared.frames).toHaveLength(1);
    expect(prepared.frames[0]).toMatchObject({ filename: "/src/Import/FeedParser.php", absPath: "/srv/catalog-importer/src/Import/FeedParser.php", lineno: 88, inApp: true });
    expect(prepared.frames[0].function).toBeUndefined();
    expect(culprit).toBe("src/Import/FeedParser.php");
    expect(prepared.occurredAt.toISOString()).toBe("2026-03-10T03:15:41.337Z");
  });

  it("keeps a different fatal error of the same file (a timeout elsewhere) in another issue", () => {
    const timeout = ingest(phpEnvelopes.fatalTimeout).prepared;
    expect(timeout.message).toBe("Error: Maximum execution time of 300 seconds exceeded");
    expect(timeout.fingerprint).not.toBe(prepared.fingerprint);
  });
});

describe("sentry/sentry 4.x: Monolog Handler given a record with an exception", () => {
  const { prepared, culprit } = ingest(phpEnvelopes.monologException);

  it("titles the issue with the exception and keeps the log line and logger beside it", () => {
    expect(prepared.type).toBe("App\\Import\\InvalidRowException");
    expect(prepared.message).toBe('Row 1043: price "12,5O" is not a number');
    expect(prepared.severity).toBe("high");
    expect(sentryMeta(prepared).message).toBe("Feed row rejected");
    expect(sentryMeta(prepared).logger).toBe("monolog.import");
    expect(sentryMeta(prepared).extra).toEqual({ "monolog.channel": "import", "monolog.level": "ERROR" });
    expect(culprit).toBe("src/Import/InvalidRowException.php in App\\Import\\InvalidRowException::notANumber");
  });
});

describe("sentry-laravel 4.x: Log::warning() through the sentry log channel", () => {
  const { prepared, culprit } = ingest(phpEnvelopes.logWarning);

  it("shows the logged text as a message at warning severity, with the channel as logger", () => {
    expect(prepared.eventId).toBe(PHP_EVENT_IDS.logWarning);
    expect(prepared.type).toBe("Message");
    expect(prepared.message).toBe("Stock for product 4821 fell below the reorder threshold (2 left)");
    expect(prepared.severity).toBe("medium");
    expect(sentryMeta(prepared).logger).toBe("production");
    expect(sentryMeta(prepared).extra).toEqual({ log_context: { warehouse: "WH-2", reorder_point: 5 } });
    expect(tagMap(prepared).logger).toBe("production");
  });

  it("reads the record's whole-second integer timestamp and has no frames (attach_stacktrace is off)", () => {
    expect(prepared.occurredAt.toISOString()).toBe("2026-03-11T09:05:12.000Z");
    expect(prepared.frames).toEqual([]);
    expect(culprit).toBeNull();
  });

  it("groups the same log line with other numbers filled in into one issue", () => {
    const again = ingest(phpEnvelopes.logWarningAgain).prepared;
    expect(again.message).toBe("Stock for product 977 fell below the reorder threshold (0 left)");
    expect(again.fingerprint).toBe(prepared.fingerprint);
  });
});

describe("sentry/sentry 4.x: a message with params and an attached stack", () => {
  const { prepared, culprit } = ingest(phpEnvelopes.paramMessage);

  it("shows the formatted text and keys the issue on the template", () => {
    expect(prepared.type).toBe("Message");
    expect(prepared.message).toBe("Import of feed suppliers-eu skipped 37 rows");
    const other = importerParamMessageEvent();
    other.message = { message: "Import of feed %s skipped %d rows", params: ["suppliers-us", 4], formatted: "Import of feed suppliers-us skipped 4 rows" };
    const again = ingest(phpEnvelope("0f5a6b7c8d9e4f00a1b2c3d4e5f60718", other, { sentAt: "2026-03-10T02:41:00Z", sdk: { name: "sentry.php", version: "4.29.0" }, release: IMPORTER_RELEASE })).prepared;
    expect(again.message).toBe("Import of feed suppliers-us skipped 4 rows");
    expect(again.fingerprint).toBe(prepared.fingerprint);
  });

  it("keeps the attached stack with the SDK's own frames not in-app, and blames the app frame that captured it", () => {
    expect(prepared.frames.map((f) => f.function)).toEqual([
      undefined,
      "App\\Import\\Importer::run",
      "Sentry\\captureEvent",
      "Sentry\\State\\Hub::captureEvent",
      "Sentry\\Client::captureEvent",
      "Sentry\\Client::prepareEvent",
      "Sentry\\Client::addMissingStacktraceToEvent",
    ]);
    expect(prepared.frames.slice(2).every((f) => f.inApp === false)).toBe(true);
    expect(culprit).toBe("src/Import/Importer.php in App\\Import\\Importer::run");
  });

  it("has a severity although the SDK sent no level", () => {
    expect(["low", "medium", "high", "critical"]).toContain(prepared.severity);
  });
});

describe("sentry/sentry 3.x without tracing: the store endpoint's JSON body", () => {
  it("reads the gzipped store body (event_id in the payload, sdk without packages)", async () => {
    const req = new Request(`https://faultline.example.net${phpRequests.legacyStore.path}`, {
      method: "POST",
      headers: phpRequests.legacyStore.headers,
      body: gzipSync(legacyStoreBody),
    });
    const body = await readBody(req, { maxWireBytes: 1 << 20, maxDecodedBytes: 1 << 20 });
    const [event] = unpackStoreEvent(parseJsonBytes(decodeLegacyStoreBody(body, 1 << 20)));
    const prepared = prepareEvent(event, new Date("2026-03-10T05:33:00.000Z"));
    expect(prepared.eventId).toBe(PHP_EVENT_IDS.legacyStore);
    expect(prepared.type).toBe("RuntimeException");
    expect(prepared.message).toBe("Could not reserve stock for order 88");
    expect(prepared.exceptions?.map((e) => [e.type, e.relation])).toEqual([["RuntimeException", "raised"], ["PDOException", "cause"]]);
    expect(prepared.environment).toBe("staging");
    expect(prepared.userId).toBe("u-190");
    expect(culpritOf(prepared.frames, prepared.platform)).toBe("src/Stock/StockRepository.php in Legacy\\Stock\\StockRepository::reserve");
    expect(sentryMeta(prepared).mechanism).toEqual({ type: "generic", handled: true, data: { code: 0 } });
  });
});

describe("the HTTP request the PHP SDKs make", () => {
  it("routes the envelope and store URLs (trailing slash) to the Sentry door", () => {
    expect(matchIngestRoute("POST", phpRequests.laravel.path)).toEqual({ door: "sentry", endpoint: "envelope", publicId: "17", preflight: false });
    expect(matchIngestRoute("POST", phpRequests.legacyStore.path)).toEqual({ door: "sentry", endpoint: "store", publicId: "17", preflight: false });
  });

  it("reads the key and client from X-Sentry-Auth (no query-string auth is sent)", () => {
    expect(parseSentryAuth(phpRequests.laravel.headers["X-Sentry-Auth"], null)).toEqual({ key: PHP_PUBLIC_KEY, client: "sentry.php.laravel/4.26.0", version: "7" });
    expect(parseSentryAuth(phpRequests.core.headers["X-Sentry-Auth"], null)).toEqual({ key: PHP_PUBLIC_KEY, client: "sentry.php/4.29.0", version: "7" });
  });

  it("decodes the gzipped envelope body and accepts every envelope of this file", async () => {
    const req = new Request(`https://faultline.example.net${phpRequests.laravel.path}`, {
      method: "POST",
      headers: phpRequests.laravel.headers,
      body: gzipSync(phpEnvelopes.checkout),
    });
    const body = await readBody(req, { maxWireBytes: 20 << 20, maxDecodedBytes: 20 << 20 });
    expect(body.equals(phpEnvelopes.checkout)).toBe(true);
    expect(gunzipSync(gzipSync(body)).equals(body)).toBe(true);
    for (const [name, envelope] of Object.entries(phpEnvelopes)) {
      expect(() => ingest(envelope), name).not.toThrow();
    }
  });
});
