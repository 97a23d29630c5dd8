/**
 * Hand-written payloads in the shapes sentry-dart / sentry-flutter send (Dart VM, Flutter mobile incl.
 * obfuscated / --split-debug-info builds, Flutter web). Names, messages, paths and ids are invented.
 *
 * Read in github:getsentry/sentry-dart (HEAD, packages at 9.27.0; chain order also checked at tag 8.14.2):
 *   packages/dart/lib/src/version.dart                       sdk name sentry.dart / sentry.dart.browser, event platform "other" (io) / "javascript" (web)
 *   packages/dart/lib/src/sentry_client.dart                 _prepareEvent (cause tree, threads), captureMessage, user {{auto}} only with sendDefaultPii
 *   packages/dart/lib/src/sentry_exception_factory.dart      type (runtimeType / identifiers), value = toString(), snapshot stacks
 *   packages/dart/lib/src/sentry_stack_trace_factory.dart    frame fields, in_app rule, "<asynchronous suspension>" gap frames, native "abs" frames
 *   packages/dart/lib/src/event_processor/exception/exception_group_event_processor.dart  flattening (raised first; reversed with ids only if groupExceptions)
 *   packages/dart/lib/src/event_processor/exception/io_exception_event_processor.dart      SocketException/FileSystemException → OSError child
 *   packages/dart/lib/src/protocol/{sentry_event,sentry_exception,mechanism,sentry_stack_frame,sentry_stack_trace,sentry_thread,
 *     sentry_message,breadcrumb,sentry_user,sentry_request,debug_image,contexts,sdk_version}.dart   toJson field sets
 *   packages/dart/lib/src/utils.dart                         timestamps: ISO 8601 UTC, millisecond precision, "Z"
 *   packages/dart/lib/src/sentry_envelope{,_header,_item,_item_header}.dart   envelope layout
 *   packages/dart/lib/src/transport/{http_transport,http_transport_request_handler,encode,noop_encode}.dart  HTTP request
 *   packages/dart/lib/src/protocol/dsn.dart                  postUri
 *   packages/dart/lib/src/load_dart_debug_images_integration.dart, packages/flutter/lib/src/integrations/native_load_debug_images_integration.dart
 *   packages/flutter/lib/src/integrations/{flutter_error_integration,on_error_integration}.dart, packages/dart/lib/src/sentry_run_zoned_guarded.dart
 *   packages/flutter/lib/src/{sentry_flutter,file_system_transport}.dart, packages/flutter/lib/src/web/{javascript_transport,sentry_web,web_sentry_js_binding}.dart
 *   packages/dio/lib/src/{dio_error_extractor,dio_stacktrace_extractor,dio_event_processor}.dart, packages/logging/lib/src/{logging_integration,extension}.dart
 *
 * Envelope: `{header}\n{item header}\n{payload}` per item, NO trailing newline. Envelope header keys:
 * event_id (32 hex, no dashes), sdk (name, version, packages, integrations), trace (trace_id, public_key,
 * release, environment, …), dsn, and sent_at only when the Dart HttpTransport sends it. Item header keys:
 * [item_count,] content_type ("application/json" for events), [filename, attachment_type,] type, length
 * (always present, byte length of the payload).
 *
 * HTTP (Dart VM, Flutter Linux/Windows/macOS without native transport — HttpTransport):
 *   POST {scheme}://{host}[:port]/{dsn path prefix}/api/{projectId}/envelope/   (trailing slash)
 *   Content-Type: application/x-sentry-envelope
 *   User-Agent: sentry.dart/9.27.0 (not set on web)
 *   X-Sentry-Auth: Sentry sentry_version=7, sentry_client=sentry.dart/9.27.0, sentry_key=<public key>[, sentry_secret=<secret>]
 *   Content-Encoding: gzip (compressPayload defaults to true; on the web the encoder is a no-op, no header)
 *   No store endpoint, no query-string auth.
 * Flutter Android/iOS: FileSystemTransport hands the same envelope bytes to the native SDK (sentry-java /
 * sentry-cocoa), whose own transport sends them. Flutter web: JavascriptTransport hands header + items to
 * the bundled Sentry JavaScript browser SDK (sendEnvelope), which sends them with its own transport.
 */
import { buildEnvelope } from "./envelopes";

export const DART_DSN = "https://5c2e81f4a9d04b7e8f13a6c0d2b94e71@faultline.example.net/17";
export const DART_PUBLIC_KEY = "5c2e81f4a9d04b7e8f13a6c0d2b94e71";
const TRACE_ID = "0b7d3e6f1a2c4d5e8f90a1b2c3d4e5f6";
const RELEASE = "com.shopfront.app@2.4.1+118";
const SDK_VERSION = "9.27.0";
/** The isolate id: the SDK uses the hash code of the isolate's debug name ("main"). */
const MAIN_ISOLATE_ID = 350254812;

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Frames, as SentryStackTraceFactory.encodeStackTraceFrame writes them (key order of toJson):
// filename (last URI segment), package (package: URIs only), function (stack_trace member, closures
// "<fn>"), lineno, colno, abs_path (the URI; on web prefixed by the page origin), in_app, platform.
// in_app: false for dart: and package:flutter, true for every other package (considerInAppFramesByDefault).
// Frames are sent outermost first; each "<asynchronous suspension>" becomes a frame with only abs_path.
// ---------------------------------------------------------------------------------------------

/** A `package:` frame. */
const pkg = (uri: string, fn: string, lineno: number, colno?: number): Json => {
  const pkgName = uri.slice("package:".length).split("/")[0];
  const inApp = pkgName !== "flutter";
  return {
    filename: uri.slice(uri.lastIndexOf("/") + 1),
    package: pkgName,
    function: fn,
    lineno,
    ...(colno !== undefined ? { colno } : {}),
    abs_path: uri,
    in_app: inApp,
    platform: "dart",
  };
};

/** A `dart:` (core library) frame: no package, never in-app. */
const core = (uri: string, fn: string, lineno: number, colno?: number): Json => ({
  filename: uri.slice(uri.lastIndexOf("/") + 1),
  function: fn,
  lineno,
  ...(colno !== undefined ? { colno } : {}),
  abs_path: uri,
  in_app: false,
  platform: "dart",
});

const GAP: Json = { abs_path: "<asynchronous suspension>" };

const sdkInfo = (name: string, extraPackages: string[] = [], integrations: string[] = []): Json => ({
  name,
  version: SDK_VERSION,
  packages: [
    { name: "pub:sentry", version: SDK_VERSION },
    ...extraPackages.map((p) => ({ name: p, version: SDK_VERSION })),
  ],
  integrations,
});

const FLUTTER_SDK = sdkInfo(
  "sentry.dart.flutter",
  ["pub:sentry_flutter", "pub:sentry_dio"],
  ["AutoRefreshIntegration", "FlutterErrorIntegration", "OnErrorIntegration", "NativeSdkIntegration", "LoadNativeDebugImages", "LoadContextsIntegration", "WidgetsBindingIntegration"],
);

const androidContexts = (spanId: string): Json => ({
  device: { family: "Pixel", model: "Pixel 7", manufacturer: "Google", brand: "google", arch: "arm64-v8a", simulator: false, memory_size: 8141746176, online: true },
  os: { name: "Android", version: "14", build: "UQ1A.240205.004", kernel_version: "5.10.189-android13-4" },
  app: { app_name: "Shopfront", app_version: "2.4.1", app_identifier: "com.shopfront.app", app_build: "118", in_foreground: true },
  culture: { locale: "de_DE", timezone: "Europe/Berlin", is_24_hour_format: true },
  dart: { name: "Dart", version: "3.7.2" },
  flutter: { name: "Flutter", version: "3.29.3", build: "release" },
  flutter_context: { has_render_view: "true", current_lifecycle_state: "resumed" },
  trace: { span_id: spanId, trace_id: TRACE_ID, op: "default" },
});

const breadcrumbs = (at: string): Json[] => [
  { timestamp: `${at}.101Z`, category: "navigation", data: { state: "didPush", from: "/cart", to: "/orders/details" }, type: "navigation" },
  { timestamp: `${at}.420Z`, category: "ui.click", data: { "view.id": "retry_button", label: "Retry" }, level: "info", type: "user" },
  { timestamp: `${at}.433Z`, message: "refreshing order details", category: "console", level: "debug", type: "debug" },
];

const flutterHeader = (eventId: string): Json => ({
  event_id: eventId,
  sdk: FLUTTER_SDK,
  trace: { trace_id: TRACE_ID, public_key: DART_PUBLIC_KEY, release: RELEASE, environment: "production" },
  dsn: DART_DSN,
});

const eventItem = (payload: Json) => ({ header: { content_type: "application/json", type: "event" }, payload, withLength: true });

// ---------------------------------------------------------------------------------------------
// 1. An exception with a cause: DioException (raised) caused by a SocketException, captured by the
//    app with Sentry.captureException(e, stackTrace: st). sentry_dio's extractor adds the cause with
//    mechanism {type: "generic", source: "error"}; the cause (an Exception, so no stack of its own)
//    gets the capture site's stack, marked snapshot. Default options (groupExceptions: false): the
//    values list the RAISED exception FIRST, then its cause, without exception_id / parent_id. No
//    level (captureException sets none).
// ---------------------------------------------------------------------------------------------

const dioMessage = (port: number) =>
  "DioException [connection error]: The connection errored: Connection refused. The request could not reach the server.\n" +
  `Error: SocketException: Connection refused (OS Error: Connection refused, errno = 111), address = api.shopfront.example, port = ${port}`;
const socketMessage = (port: number) => `SocketException: Connection refused (OS Error: Connection refused, errno = 111), address = api.shopfront.example, port = ${port}`;

const dioRaisedFrames = (apiLine: number, outer: Json[] = []): Json[] => [
  ...outer,
  pkg("package:shopfront/ui/order_details/order_details_cubit.dart", "OrderDetailsCubit.refresh", 33, 7),
  GAP,
  pkg("package:shopfront/data/order_repository.dart", "OrderRepository.load", 27, 19),
  GAP,
  pkg("package:shopfront/data/order_api.dart", "OrderApi.fetchOrder", apiLine, 22),
  GAP,
  pkg("package:dio/src/dio_mixin.dart", "DioMixin.fetch", 509, 7),
];

const dioCauseFrames = (outer: Json[] = []): Json[] => [
  ...outer,
  pkg("package:shopfront/ui/order_details/order_details_cubit.dart", "OrderDetailsCubit.refresh", 33, 7),
  GAP,
  pkg("package:shopfront/data/order_repository.dart", "OrderRepository.load", 31, 20),
];

const dioEvent = (o: { eventId: string; at: string; port: number; orderId: number; apiLine: number; spanId: string; outer?: Json[] }): Json => ({
  event_id: o.eventId,
  timestamp: `${o.at}.589Z`,
  platform: "other",
  release: RELEASE,
  dist: "118",
  environment: "production",
  tags: { flavor: "prod", store_region: "eu" },
  breadcrumbs: breadcrumbs(o.at),
  contexts: androidContexts(o.spanId),
  user: { id: "u-55120" },
  sdk: FLUTTER_SDK,
  request: { url: `https://api.shopfront.example/v2/orders/${o.orderId}`, method: "GET" },
  exception: {
    values: [
      { type: "DioException", value: dioMessage(o.port), stacktrace: { frames: dioRaisedFrames(o.apiLine, o.outer) } },
      {
        type: "SocketException",
        value: socketMessage(o.port),
        stacktrace: { frames: dioCauseFrames(o.outer), snapshot: true },
        mechanism: { type: "generic", source: "error" },
      },
    ],
  },
});

export const DIO_EVENT_ID = "3f8a2c91d4e04b6fa1c7e59b20d8f613";
export const dartDioChainEvent = dioEvent({ eventId: DIO_EVENT_ID, at: "2026-03-14T09:26:53", port: 52814, orderId: 88412, apiLine: 41, spanId: "a1b2c3d4e5f60718" });
export const dartDioChainEnvelope = buildEnvelope(flutterHeader(DIO_EVENT_ID), [eventItem(dartDioChainEvent)]);

/** The same bug again: another order id and ephemeral port in the message, the call one line lower. */
export const DIO_AGAIN_EVENT_ID = "c0d9e8f7a6b5443c9d2e1f0a9b8c7d6e";
export const dartDioChainAgainEvent = dioEvent({ eventId: DIO_AGAIN_EVENT_ID, at: "2026-03-14T09:41:07", port: 53177, orderId: 90217, apiLine: 43, spanId: "b2c3d4e5f6071829" });
export const dartDioChainAgainEnvelope = buildEnvelope(flutterHeader(DIO_AGAIN_EVENT_ID), [eventItem(dartDioChainAgainEvent)]);

/**
 * The first event with `options.groupExceptions = true`: ExceptionGroupEventProcessor reverses the
 * list (cause first, raised last) and numbers it; every exception that has children is marked
 * is_exception_group, children get type "chained".
 */
export const DIO_GROUPED_EVENT_ID = "7e6d5c4b3a2910f8e7d6c5b4a3928170";
export const dartDioChainGroupedEvent: Json = (() => {
  const base = dioEvent({ eventId: DIO_GROUPED_EVENT_ID, at: "2026-03-14T09:27:30", port: 52901, orderId: 88412, apiLine: 41, spanId: "c3d4e5f607182930" });
  const [raised, cause] = (base.exception as { values: Json[] }).values;
  return {
    ...base,
    exception: {
      values: [
        { ...cause, mechanism: { type: "chained", source: "error", exception_id: 1, parent_id: 0 } },
        { ...raised, mechanism: { type: "generic", is_exception_group: true, exception_id: 0 } },
      ],
    },
  };
})();
export const dartDioChainGroupedEnvelope = buildEnvelope(flutterHeader(DIO_GROUPED_EVENT_ID), [eventItem(dartDioChainGroupedEvent)]);

// ---------------------------------------------------------------------------------------------
// 2. Unhandled crash: FlutterErrorIntegration (FlutterError.onError) for an error thrown while
//    building a widget. mechanism {type: "FlutterError", handled: false}, level "fatal"
//    (markAutomaticallyCollectedErrorsAsFatal), contexts.flutter_error_details. With attachThreads
//    enabled the exception names the isolate as thread_id and threads lists it (crashed, current)
//    WITHOUT a stack (the exception carries it). The type comes from DartExceptionTypeIdentifier.
//    A screenshot attachment (attachScreenshot) and a client report ride along.
// ---------------------------------------------------------------------------------------------

export const CRASH_EVENT_ID = "b71e0c5a2f9d4e83a6c41d7f95e20b38";
export const dartFlutterCrashEvent: Json = {
  event_id: CRASH_EVENT_ID,
  timestamp: "2026-03-14T09:52:18.004Z",
  platform: "other",
  release: RELEASE,
  dist: "118",
  environment: "production",
  level: "fatal",
  tags: { flavor: "prod", store_region: "eu" },
  breadcrumbs: breadcrumbs("2026-03-14T09:52:17"),
  contexts: {
    ...androidContexts("d4e5f60718293a4b"),
    flutter_error_details: { context: "thrown while building OrderSummaryCard(dirty)", library: "widgets library" },
  },
  user: { id: "u-55120" },
  sdk: FLUTTER_SDK,
  exception: {
    values: [
      {
        type: "TypeError",
        value: "Null check operator used on a null value",
        stacktrace: {
          frames: [
            core("dart:ui/hooks.dart", "_drawFrame", 288, 31),
            core("dart:ui/platform_dispatcher.dart", "PlatformDispatcher._drawFrame", 428, 5),
            core("dart:ui/hooks.dart", "_invoke", 316, 13),
            pkg("package:flutter/src/scheduler/binding.dart", "SchedulerBinding._handleDrawFrame", 1221, 5),
            pkg("package:flutter/src/scheduler/binding.dart", "SchedulerBinding.handleDrawFrame", 1346, 11),
            pkg("package:flutter/src/scheduler/binding.dart", "SchedulerBinding._invokeFrameCallback", 1434, 15),
            pkg("package:flutter/src/rendering/binding.dart", "RendererBinding._handlePersistentFrameCallback", 495, 5),
            pkg("package:flutter/src/widgets/binding.dart", "WidgetsBinding.drawFrame", 1260, 21),
            pkg("package:flutter/src/widgets/framework.dart", "BuildOwner.buildScope", 3056, 17),
            pkg("package:flutter/src/widgets/framework.dart", "Element.rebuild", 5445, 7),
            pkg("package:flutter/src/widgets/framework.dart", "ComponentElement.performRebuild", 5733, 15),
            pkg("package:flutter/src/widgets/framework.dart", "StatelessElement.build", 5799, 49),
            pkg("package:shopfront/ui/widgets/order_summary_card.dart", "OrderSummaryCard.build", 44, 38),
            pkg("package:shopfront/ui/widgets/order_summary_card.dart", "OrderSummaryCard._totalLabel", 71, 29),
          ],
        },
        mechanism: { type: "FlutterError", handled: false },
        thread_id: MAIN_ISOLATE_ID,
      },
    ],
  },
  threads: { values: [{ id: MAIN_ISOLATE_ID, name: "main", crashed: true, current: true }] },
};
export const screenshotBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x0a]);
export const dartFlutterCrashEnvelope = buildEnvelope(flutterHeader(CRASH_EVENT_ID), [
  eventItem(dartFlutterCrashEvent),
  { header: { content_type: "image/png", filename: "screenshot.png", attachment_type: "event.attachment", type: "attachment" }, payload: screenshotBytes, withLength: true },
  {
    header: { content_type: "application/json", type: "client_report" },
    payload: { timestamp: "2026-03-14T09:52:18.120Z", discarded_events: [{ reason: "sample_rate", category: "transaction", quantity: 3 }] },
    withLength: true,
  },
]);

// ---------------------------------------------------------------------------------------------
// 3. Messages.
//  a) Sentry.captureMessage(formatted, level: warning, template:, params:) → `message` (not logentry)
//     {formatted, message: template, params}. attachStacktrace (default true) puts the current stack
//     (SDK frames removed) in threads: one thread, the isolate, crashed false, current true.
//  b) sentry_logging on a Dart VM backend: a SEVERE log record becomes an event with logger,
//     level "error", message {formatted} only, extra with the record's sequence number. Sent by the
//     Dart HttpTransport: the envelope header carries sent_at; sdk name "sentry.dart". Its stack is the
//     SDK's current stack (only package:sentry / sentry_flutter frames removed), so the logging and
//     sentry_logging frames that delivered the record are innermost, and marked in-app.
// ---------------------------------------------------------------------------------------------

export const MESSAGE_EVENT_ID = "4d0b9e27c31a45f8b6e2a8c7f1d30e96";
export const dartMessageEvent: Json = {
  event_id: MESSAGE_EVENT_ID,
  timestamp: "2026-03-14T10:03:44.250Z",
  platform: "other",
  release: RELEASE,
  dist: "118",
  environment: "production",
  level: "warning",
  tags: { flavor: "prod", store_region: "eu" },
  message: { formatted: "Coupon SPRING26 rejected for cart c-8812", message: "Coupon %s rejected for cart %s", params: ["SPRING26", "c-8812"] },
  contexts: androidContexts("e5f60718293a4b5c"),
  user: { id: "u-55120" },
  sdk: FLUTTER_SDK,
  threads: {
    values: [
      {
        id: MAIN_ISOLATE_ID,
        name: "main",
        crashed: false,
        current: true,
        stacktrace: {
          frames: [
            pkg("package:flutter/src/gestures/recognizer.dart", "GestureRecognizer.invokeCallback", 351, 24),
            pkg("package:flutter/src/material/ink_well.dart", "_InkResponseState.handleTap", 1176, 21),
            pkg("package:shopfront/ui/checkout/coupon_field.dart", "_CouponFieldState._apply", 58, 5),
            GAP,
            pkg("package:shopfront/checkout/coupon_service.dart", "CouponService.redeem", 92, 14),
          ],
        },
      },
    ],
  },
};
export const dartMessageEnvelope = buildEnvelope(flutterHeader(MESSAGE_EVENT_ID), [eventItem(dartMessageEvent)]);

export const LOG_EVENT_ID = "e2f3a4b5c6d748e9a0b1c2d3e4f5a6b7";
export const dartVmLoggingEvent: Json = {
  event_id: LOG_EVENT_ID,
  timestamp: "2026-03-14T10:07:12.338Z",
  platform: "other",
  logger: "fulfilment.sync",
  server_name: "fulfilment-worker-2",
  release: "fulfilment-worker@1.12.0",
  environment: "production",
  level: "error",
  extra: { "LogRecord.sequenceNumber": 412 },
  message: { formatted: "Warehouse sync aborted: 37 parcels left unconfirmed" },
  contexts: {
    device: { name: "fulfilment-worker-2", processor_count: 4, memory_size: 4124160000 },
    os: { name: "linux", version: "6.8.0-52-generic" },
    runtime: { name: "Dart", version: "3.7.2", raw_description: "3.7.2 (stable) on \"linux_x64\"" },
    dart_context: { compile_mode: "aot" },
    trace: { span_id: "f60718293a4b5c6d", trace_id: "9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3", op: "default" },
  },
  sdk: sdkInfo("sentry.dart", ["pub:sentry_logging"], ["isolateErrorIntegration", "LoggingIntegration"]),
  breadcrumbs: [
    { timestamp: "2026-03-14T10:07:11.902Z", message: "batch 58 fetched", category: "log", data: { "LogRecord.loggerName": "fulfilment.sync", "LogRecord.sequenceNumber": 411 }, level: "info", type: "debug" },
  ],
  threads: {
    values: [
      {
        id: MAIN_ISOLATE_ID,
        name: "main",
        crashed: false,
        current: true,
        stacktrace: {
          frames: [
            core("dart:async/zone.dart", "_rootRunUnary", 1538, 47),
            pkg("package:fulfilment_worker/src/sync/warehouse_sync.dart", "WarehouseSync.run", 112, 9),
            pkg("package:logging/src/logger.dart", "Logger.severe", 338, 5),
            pkg("package:logging/src/logger.dart", "Logger.log", 257, 18),
            core("dart:async/broadcast_stream_controller.dart", "_SyncBroadcastStreamController._sendData", 385, 24),
            core("dart:async/stream_impl.dart", "_BufferingStreamSubscription._sendData", 365, 11),
            pkg("package:sentry_logging/src/logging_integration.dart", "LoggingIntegration._onLog", 96, 18),
          ],
        },
      },
    ],
  },
};
export const dartVmLoggingEnvelope = buildEnvelope(
  {
    event_id: LOG_EVENT_ID,
    sdk: dartVmLoggingEvent.sdk,
    trace: { trace_id: "9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3", public_key: DART_PUBLIC_KEY, release: "fulfilment-worker@1.12.0", environment: "production" },
    dsn: DART_DSN,
    sent_at: "2026-03-14T10:07:12.401Z",
  },
  [eventItem(dartVmLoggingEvent)],
);

// ---------------------------------------------------------------------------------------------
// 4. A different bug: StateError from Iterable.firstWhere in the cart repository, handled and captured.
//    The second variant is the same bug reached from another widget (swipe-to-dismiss instead of the
//    remove button): only the outer caller frames differ.
// ---------------------------------------------------------------------------------------------

const cartFrames = (outer: Json[]): Json[] => [
  ...outer,
  pkg("package:shopfront/cart/cart_cubit.dart", "CartCubit.removeLine", 64, 25),
  pkg("package:shopfront/cart/cart_repository.dart", "CartRepository.lineFor", 118, 10),
  core("dart:collection/list.dart", "ListBase.firstWhere", 132, 5),
];
const cartEvent = (eventId: string, at: string, outer: Json[]): Json => ({
  event_id: eventId,
  timestamp: at,
  platform: "other",
  release: RELEASE,
  dist: "118",
  environment: "production",
  tags: { flavor: "prod", store_region: "eu" },
  contexts: androidContexts("0718293a4b5c6d7e"),
  user: { id: "u-55120" },
  sdk: FLUTTER_SDK,
  exception: { values: [{ type: "StateError", value: "Bad state: No element", stacktrace: { frames: cartFrames(outer) } }] },
});

export const CART_EVENT_ID = "5a4b3c2d1e0f49a8b7c6d5e4f3a2b1c0";
export const dartCartEvent = cartEvent(CART_EVENT_ID, "2026-03-14T10:11:05.777Z", [
  pkg("package:flutter/src/gestures/recognizer.dart", "GestureRecognizer.invokeCallback", 351, 24),
  pkg("package:flutter/src/material/ink_well.dart", "_InkResponseState.handleTap", 1176, 21),
  pkg("package:shopfront/cart/widgets/cart_line_tile.dart", "CartLineTile._onRemovePressed", 83, 11),
]);
export const dartCartEnvelope = buildEnvelope(flutterHeader(CART_EVENT_ID), [eventItem(dartCartEvent)]);

export const CART_SWIPE_EVENT_ID = "6b5c4d3e2f1a40b9c8d7e6f5a4b3c2d1";
export const dartCartSwipeEvent = cartEvent(CART_SWIPE_EVENT_ID, "2026-03-14T10:15:40.016Z", [
  pkg("package:flutter/src/widgets/dismissible.dart", "_DismissibleState._handleResizeProgressChanged", 640, 19),
  pkg("package:shopfront/cart/cart_page.dart", "_CartPageState._onDismissed", 142, 7),
  pkg("package:shopfront/cart/cart_page.dart", "_CartPageState._confirmRemoval", 151, 13),
]);

// ---------------------------------------------------------------------------------------------
// 5. A FormatException thrown inside a third-party package (package:intl). The SDK marks every
//    package other than flutter in-app, so the innermost frames with in_app:true are intl's.
// ---------------------------------------------------------------------------------------------

const intlFrames = (appFrames: Json[]): Json[] => [
  ...appFrames,
  pkg("package:intl/src/intl/date_format.dart", "DateFormat.parse", 312, 7),
  pkg("package:intl/src/intl/date_format.dart", "DateFormat._parse", 390, 12),
  pkg("package:intl/src/intl/date_format_field.dart", "_DateFormatPatternField.parse", 250, 5),
  pkg("package:intl/src/intl/date_format_field.dart", "_DateFormatField.throwFormatException", 88, 5),
];
const intlEvent = (eventId: string, value: string, appFrames: Json[]): Json => ({
  event_id: eventId,
  timestamp: "2026-03-14T10:20:31.412Z",
  platform: "other",
  release: RELEASE,
  environment: "production",
  sdk: FLUTTER_SDK,
  exception: { values: [{ type: "FormatException", value, stacktrace: { frames: intlFrames(appFrames) } }] },
});
export const INTL_EVENT_ID = "8d7c6b5a4f3e42d1c0b9a8f7e6d5c4b3";
export const dartIntlEvent = intlEvent(INTL_EVENT_ID, "FormatException: Trying to read MM from 2026-13-05 at position 5", [
  pkg("package:shopfront/delivery/delivery_cubit.dart", "DeliveryCubit.load", 40, 18),
  GAP,
  pkg("package:shopfront/models/delivery_window.dart", "DeliveryWindow.fromJson", 18, 36),
]);
/** Another bug in other app code that also ends in DateFormat.parse. */
export const dartIntlOtherEvent = intlEvent("9e8d7c6b5a4f43e2d1c0b9a8f7e6d5c4", "FormatException: Trying to read dd from 31.02. at position 0", [
  pkg("package:shopfront/profile/profile_form.dart", "_ProfileFormState._save", 205, 9),
  pkg("package:shopfront/profile/birthday_parser.dart", "BirthdayParser.parse", 22, 14),
]);

// ---------------------------------------------------------------------------------------------
// 6. Obfuscated / --split-debug-info release on Android, unhandled async error
//    (PlatformDispatcher.onError: handled false, level fatal). Each "abs" line becomes a frame with
//    only instruction_addr (16 hex digits) and platform "native"; no function, file, line or in_app.
//    LoadNativeDebugImagesIntegration replaces debug_meta with the images sentry-android reports
//    (libapp.so under the per-install directory, image_addr + image_size).
// ---------------------------------------------------------------------------------------------

const nativeFrame = (addr: bigint): Json => ({ platform: "native", instruction_addr: `0x${addr.toString(16).padStart(16, "0")}` });
const obfuscatedEvent = (o: { eventId: string; base: bigint; installDir: string; offsets: bigint[]; value: string }): Json => ({
  event_id: o.eventId,
  timestamp: "2026-03-14T10:30:00.500Z",
  platform: "other",
  release: RELEASE,
  dist: "118",
  environment: "production",
  level: "fatal",
  contexts: androidContexts("18293a4b5c6d7e8f"),
  sdk: FLUTTER_SDK,
  exception: {
    values: [
      {
        type: "StateError",
        value: o.value,
        stacktrace: { frames: [nativeFrame(o.base + o.offsets[0]), GAP, ...o.offsets.slice(1).map((off) => nativeFrame(o.base + off))] },
        mechanism: { type: "PlatformDispatcher.onError", handled: false },
      },
    ],
  },
  debug_meta: {
    images: [
      {
        type: "elf",
        debug_id: "3c1a9e5b-7d2f-4e80-b6a4-1f9c0d2e8b73",
        code_file: `/data/app/${o.installDir}/com.shopfront.app-Kx2Lm9Pq4Rs7Tu0Vw3Yz6A==/lib/arm64/libapp.so`,
        image_addr: `0x${o.base.toString(16)}`,
        image_size: 9175040,
        code_id: "5b9e1a3c2f7d80e46a4bb61f0c9d2e8b",
      },
    ],
  },
});
const OFFSETS_CART = [0x2126d7n, 0x1e5527n, 0x1a0c9bn, 0x19f2e1n];
export const dartObfuscatedEvent = obfuscatedEvent({ eventId: "a0b1c2d3e4f5461788990a1b2c3d4e5f", base: 0x7a3c1e2000n, installDir: "~~Qm3xT0aZ9vR1yH2kL5nP8w==", offsets: OFFSETS_CART, value: "Bad state: No element" });
/** The same crash on another phone: another install directory, another load address, the same offsets. */
export const dartObfuscatedOtherDeviceEvent = obfuscatedEvent({ eventId: "b1c2d3e4f5a6472899a0b1c2d3e4f5a6", base: 0x6f10a40000n, installDir: "~~Hn5cW8eJ1gB4uD7sF0kA2q==", offsets: OFFSETS_CART, value: "Bad state: No element" });
/** A different StateError on the first phone: other code addresses, another message. */
export const dartObfuscatedOtherBugEvent = obfuscatedEvent({
  eventId: "c2d3e4f5a6b7483900b1c2d3e4f5a6b7",
  base: 0x7a3c1e2000n,
  installDir: "~~Qm3xT0aZ9vR1yH2kL5nP8w==",
  offsets: [0x0f4410n, 0x0e2b3cn, 0x19f2e1n],
  value: "Bad state: Cannot add new events after calling close",
});
export const dartObfuscatedEnvelope = buildEnvelope(flutterHeader(dartObfuscatedEvent.event_id as string), [eventItem(dartObfuscatedEvent)]);

// ---------------------------------------------------------------------------------------------
// 7. Flutter web (dart2js release): event platform "javascript", frames parsed from the JS stack
//    (function names minified, file main.dart.js, abs_path = page origin + "/" + file), in_app true.
//    Sent through the Sentry JavaScript browser SDK; no sent_at in the Dart-built header.
// ---------------------------------------------------------------------------------------------

const webFrame = (fn: string, lineno: number, colno: number): Json => ({
  filename: "main.dart.js",
  function: fn,
  lineno,
  colno,
  abs_path: "https://shop.shopfront.example/main.dart.js",
  in_app: true,
  platform: "javascript",
});
export const WEB_EVENT_ID = "d3e4f5a6b7c8493a11c2d3e4f5a6b7c8";
export const dartWebEvent: Json = {
  event_id: WEB_EVENT_ID,
  timestamp: "2026-03-14T10:40:12.090Z",
  platform: "javascript",
  release: "shopfront-web@2.4.1+118",
  environment: "production",
  level: "fatal",
  sdk: { ...sdkInfo("sentry.dart.flutter", ["pub:sentry_flutter"], ["FlutterErrorIntegration", "OnErrorIntegration"]) },
  contexts: { browser: { name: "Chrome", version: "134.0.0" }, os: { name: "Windows" }, trace: { span_id: "293a4b5c6d7e8f90", trace_id: TRACE_ID, op: "default" } },
  request: { url: "https://shop.shopfront.example/#/cart", headers: { "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" } },
  exception: {
    values: [
      {
        type: "StateError",
        value: "Bad state: No element",
        stacktrace: { frames: [webFrame("Object.eval", 2, 41022), webFrame("aJt.$1", 3, 118204), webFrame("Pa.bQ", 3, 90517)] },
        mechanism: { type: "PlatformDispatcher.onError", handled: false },
      },
    ],
  },
};
export const dartWebEnvelope = buildEnvelope(
  { event_id: WEB_EVENT_ID, sdk: dartWebEvent.sdk, trace: { trace_id: TRACE_ID, public_key: DART_PUBLIC_KEY, release: "shopfront-web@2.4.1+118", environment: "production" }, dsn: DART_DSN },
  [eventItem(dartWebEvent)],
);

// ---------------------------------------------------------------------------------------------
// 8. Structured logs (Sentry.logger / sentry_logging with enableLogs): a `log` item with item_count.
// ---------------------------------------------------------------------------------------------

export const dartLogsEnvelope = buildEnvelope({ sdk: FLUTTER_SDK }, [
  {
    header: { item_count: 1, content_type: "application/vnd.sentry.items.log+json", type: "log" },
    payload: {
      items: [
        {
          timestamp: 1773482832.338,
          trace_id: TRACE_ID,
          level: "warn",
          body: "Cart sync retried",
          attributes: { "sentry.sdk.name": { type: "string", value: "sentry.dart.flutter" }, loggerName: { type: "string", value: "cart.sync" } },
          severity_number: 13,
        },
      ],
    },
    withLength: true,
  },
]);
