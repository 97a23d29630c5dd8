/**
 * Payloads in the shapes sentry-cocoa (iOS/macOS, Swift and Objective-C) sends, and the iOS native
 * crashes of a React Native app (sentry-react-native runs sentry-cocoa under its own SDK name).
 * Written by hand from the SDK sources; every name, path, id and message here is invented.
 *
 * Read: getsentry/sentry-cocoa 9.26.0 (HEAD c34c99b9, 2026-08-14):
 *   Sources/Sentry/SentryEvent.m, SentryException.m, SentryMechanism.m, SentryMechanismContext.m,
 *   SentryNSError.m, SentryFrame.m, SentryStacktrace.m, SentryThread.mm, SentryDebugMeta.m,
 *   SentryMessage.m, SentryBreadcrumb.m, SentryUser.m, SentryRequest.m, SentryId.m,
 *   SentryClient.m (buildErrorEvent, exceptionForError, captureMessage, prepareEvent),
 *   SentryCrashReportConverter.m, SentryCrashStackEntryMapper.m, SentryStacktraceBuilder.m,
 *   SentryDefaultThreadInspector.m, SentryTraceContext.m, SentryCrashReport.c (writeError),
 *   Sources/Sentry/include/SentryFormatter.h, SentryInternalDefines.h,
 *   Sources/Swift/Helper/SentrySerializationSwift.swift, SentrySdkInfo.swift, SentryMeta.swift,
 *   Sources/Swift/Tools/SentryEnvelope*.swift, SentryURLRequestFactory.swift,
 *   Sources/Swift/SentryDsn.swift, SentrySession.swift, Sources/Swift/Networking/SentryTransportAdapter.swift,
 *   Sources/Swift/Core/Helper/SentryInAppLogic.swift, SentryFrameRemover, Sources/Swift/Core/SwiftDescriptor.swift,
 *   Sources/Swift/Integrations/AppHangTracking/SentryHangTrackingIntegration.swift,
 *   Sources/Swift/Tools/TelemetryProcessor/TelemetryScheduler.swift, Sources/Swift/Protocol/SentryLog.swift.
 * Read: getsentry/sentry-react-native (HEAD 95c2f890, 2026-08-21): packages/core/ios/RNSentryStart.m,
 *   RNSentryVersion.m, RNSentry.mm (captureEnvelope).
 *
 * HTTP request (SentryURLRequestFactory.swift, SentryDsn.swift): POST <scheme>://<host>[:port]/api/<project>/envelope/
 * (trailing slash; no key in the query string), headers
 *   X-Sentry-Auth: Sentry sentry_version=7,sentry_client=sentry.cocoa/9.26.0,sentry_key=<public key>
 *     (no spaces after the commas; ",sentry_secret=…" only when the DSN has a password)
 *   Content-Type: application/x-sentry-envelope
 *   Content-Encoding: gzip (always; the body is gzipped)
 *   User-Agent: sentry.cocoa/9.26.0
 * React Native apps send "sentry.cocoa.react-native/<RN SDK version>" as sentry_client and User-Agent.
 * 9.26.0 builds only envelope requests (SentryURLRequestFactory has no store request).
 *
 * Envelope (SentrySerializationSwift.writeEnvelopeData): header JSON, then per item "\n" + item header
 * JSON + "\n" + payload; no trailing newline. Every item header carries `length` (plus content_type /
 * filename / attachment_type / item_count when set). Envelope header: event_id (32 lowercase hex),
 * sdk {name, version, integrations, features, packages, settings}, trace {trace_id, public_key,
 * release, environment, …}, sent_at (ISO 8601, milliseconds, Z). A crash from the previous run is sent
 * at the next launch as event + session (status "crashed").
 *
 * Event: timestamp is Unix seconds as a JSON number (a crash's is whole seconds); platform "cocoa";
 * exceptions carry NO stacktrace for handled errors (the stack is the current thread's in `threads`);
 * a captured NSError lists its NSUnderlyingError chain oldest first, the error itself last, each with
 * mechanism {type: "NSError", description, data: userInfo, meta: {ns_error: {domain, code}}} and no
 * exception_id/parent_id; frames are unsymbolicated: instruction_addr, image_addr, package (the
 * binary's full path), in_app (plus stack_start at async boundaries); no function, file or line. A
 * crash (SentryCrash) puts the crashed thread's stack on the exception too, with thread_id, and
 * mechanism {type: "mach" | "nsexception" | "cpp_exception" | "signal", handled: false,
 * meta: {mach_exception, signal}}.
 */
import { buildEnvelope } from "./envelopes";

export const COCOA_PUBLIC_KEY = "7d3e9b1c5a2f48e6b0c4d8a1f9e2b3c7";
export const COCOA_DSN = `https://${COCOA_PUBLIC_KEY}@faultline.example.com/17`;
export const COCOA_SDK_VERSION = "9.26.0";
export const COCOA_RELEASE = "com.example.pantryapp@4.2.0+318";

/** Where iOS installs the app: the container id differs on every device and install. */
export const PANTRY_BINARY = "/private/var/containers/Bundle/Application/3C9A7E52-1B4D-4F0E-9A61-7D2C5B8E0F13/Pantry.app/Pantry";
export const PANTRY_RN_BINARY = "/private/var/containers/Bundle/Application/A0E4F6C2-77B1-4C3D-8E95-2F1D0B6A4C88/PantryRN.app/PantryRN";

interface Image {
  path: string;
  /** Load address without ASLR slide. */
  base: bigint;
  size: number;
  uuid: string;
  vmaddr: bigint;
}

const image = (path: string, base: bigint, size: number, uuid: string, vmaddr: bigint): Image => ({ path, base, size, uuid, vmaddr });

const IMG = {
  dyld: image("/usr/lib/dyld", 0x1b21a0000n, 0x5c000, "6A1C2E3F-4B5D-3E6F-8A9B-0C1D2E3F4A5B", 0x1b21a0000n),
  pantry: image(PANTRY_BINARY, 0x100e14000n, 0x3c4000, "F2B7D913-0A8C-3E41-9D6E-5C2A7B1E8F04", 0x100000000n),
  pantryRN: image(PANTRY_RN_BINARY, 0x100b28000n, 0x1f80000, "0D9E8C7B-6A5F-3E4D-9C2B-1A0F9E8D7C6B", 0x100000000n),
  swiftUI: image("/System/Library/Frameworks/SwiftUI.framework/SwiftUI", 0x18f2c4000n, 0x1a3c000, "8E4D2C1B-9A7F-3B5E-A6D4-C3B2A1F0E9D8", 0x18f2c4000n),
  uiKitCore: image("/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore", 0x18c8d0000n, 0x1c58000, "1F2E3D4C-5B6A-3798-8A9B-CADBECFD0E1F", 0x18c8d0000n),
  graphicsServices: image("/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices", 0x1d3f84000n, 0xc000, "2A3B4C5D-6E7F-3081-9293-A4B5C6D7E8F9", 0x1d3f84000n),
  coreFoundation: image("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation", 0x18a3a8000n, 0x54c000, "3B4C5D6E-7F80-3192-A3B4-C5D6E7F8091A", 0x18a3a8000n),
  foundation: image("/System/Library/Frameworks/Foundation.framework/Foundation", 0x1895f0000n, 0xd9c000, "4C5D6E7F-8091-32A3-B4C5-D6E7F8091A2B", 0x1895f0000n),
  libdispatch: image("/usr/lib/system/libdispatch.dylib", 0x19b1e4000n, 0x47000, "5D6E7F80-91A2-33B4-C5D6-E7F8091A2B3C", 0x19b1e4000n),
  libswiftConcurrency: image("/usr/lib/swift/libswift_Concurrency.dylib", 0x1a8f40000n, 0x5e000, "6E7F8091-A2B3-34C5-D6E7-F8091A2B3C4D", 0x1a8f40000n),
  libswiftCore: image("/usr/lib/swift/libswiftCore.dylib", 0x1955d0000n, 0x4b8000, "7F8091A2-B3C4-35D6-E7F8-091A2B3C4D5E", 0x1955d0000n),
  libobjc: image("/usr/lib/libobjc.A.dylib", 0x187a2c000n, 0x3d000, "8091A2B3-C4D5-36E7-F809-1A2B3C4D5E6F", 0x187a2c000n),
  libsystemKernel: image("/usr/lib/system/libsystem_kernel.dylib", 0x1d8e10000n, 0x39000, "91A2B3C4-D5E6-37F8-091A-2B3C4D5E6F70", 0x1d8e10000n),
  libsystemPthread: image("/usr/lib/system/libsystem_pthread.dylib", 0x1ecb34000n, 0xc000, "A2B3C4D5-E6F7-3809-1A2B-3C4D5E6F7081", 0x1ecb34000n),
};

/** Addresses as the SDK formats them: "0x" and 16 hex digits. */
export const hexAddress = (value: bigint): string => `0x${value.toString(16).padStart(16, "0")}`;

/** One launch of the app: every image is moved by the same ASLR slide. */
class Launch {
  constructor(readonly slide: bigint) {}

  /** A frame as SentryCrashStackEntryMapper / SentryCrashReportConverter write it: address, image, binary, in_app. */
  frame(img: Image, offset: number, opts: { stackStart?: boolean } = {}): Record<string, unknown> {
    const start = img.base + this.slide;
    return {
      instruction_addr: hexAddress(start + BigInt(offset)),
      image_addr: hexAddress(start),
      package: img.path,
      in_app: img === IMG.pantry || img === IMG.pantryRN, // inAppIncludes defaults to the bundle's executable
      ...(opts.stackStart ? { stack_start: true } : {}),
    };
  }

  /** debug_meta.images entries for the images the frames lie in (SentryDebugMeta serialize). */
  debugImages(images: Image[]): Record<string, unknown>[] {
    return images.map((img) => ({
      debug_id: img.uuid,
      type: "macho",
      image_addr: hexAddress(img.base + this.slide),
      image_size: img.size,
      code_file: img.path,
      image_vmaddr: hexAddress(img.vmaddr),
    }));
  }
}

/** The offset (in the Pantry binary) of the innermost app frame of the sync bug. */
export const SYNC_BUG_OFFSET = 0x2a2b4;

/**
 * The main thread's stack when a @MainActor view model captures an error from an async task,
 * outermost first (SentryStacktraceBuilder reverses the unwinder's order). The SDK's own frames are
 * cut by SentryFrameRemover.
 */
function mainThreadStack(launch: Launch, appOffsets: [outer: number, inner: number]): Record<string, unknown>[] {
  return [
    launch.frame(IMG.dyld, 0x5d54),
    launch.frame(IMG.pantry, 0x8f1c), // @main
    launch.frame(IMG.swiftUI, 0x1a0c6f8),
    launch.frame(IMG.uiKitCore, 0x3ee6c),
    launch.frame(IMG.graphicsServices, 0x12c4),
    launch.frame(IMG.coreFoundation, 0x8f438),
    launch.frame(IMG.coreFoundation, 0x7b1c8),
    launch.frame(IMG.coreFoundation, 0x3e7cc),
    launch.frame(IMG.libdispatch, 0x1d4f0),
    launch.frame(IMG.libdispatch, 0x2318),
    launch.frame(IMG.libswiftConcurrency, 0x4c2e0, { stackStart: true }),
    launch.frame(IMG.pantry, appOffsets[0]), // the sync screen's view model
    launch.frame(IMG.pantry, appOffsets[1]), // the upload call that failed
  ];
}

const MAIN_STACK_IMAGES = [IMG.dyld, IMG.pantry, IMG.swiftUI, IMG.uiKitCore, IMG.graphicsServices, IMG.coreFoundation, IMG.libdispatch, IMG.libswiftConcurrency];

/** getCurrentThreads: every thread, only the current one with a stack; the main thread first. */
function currentThreads(stack: Record<string, unknown>[]): { values: Record<string, unknown>[] } {
  return {
    values: [
      { id: 0, crashed: false, current: true, stacktrace: { frames: stack }, main: true },
      { id: 1, crashed: false, current: false, name: "com.apple.uikit.eventfetch-thread", main: false },
      { id: 2, crashed: false, current: false, main: false },
      { id: 3, crashed: false, current: false, name: "com.apple.NSURLConnectionLoader", main: false },
      { id: 4, crashed: false, current: false, name: "io.sentry.app-hang-tracker", main: false },
    ],
  };
}

const sdkInfo = {
  name: "sentry.cocoa",
  version: COCOA_SDK_VERSION,
  integrations: ["Crash", "AppHang", "WatchdogTerminationTracking", "NetworkTracking", "AutoBreadcrumbTracking", "Screenshot", "Session"],
  features: ["captureFailedRequests"],
  packages: [{ name: "spm:getsentry/sentry.cocoa", version: COCOA_SDK_VERSION }],
  settings: { infer_ip: "never" },
};

const deviceContexts = {
  app: {
    app_identifier: "com.example.pantryapp",
    app_name: "Pantry",
    app_version: "4.2.0",
    app_build: "318",
    app_start_time: "2026-01-01T09:58:11.402Z",
    build_type: "app store",
    device_app_hash: "5f1d9c0e7a2b4d63b8e1f0a9c7d6e5b4a3f2e1d0",
    in_foreground: true,
    is_active: true,
    view_names: ["SyncStatusViewController"],
    app_memory: 187695104,
  },
  device: {
    family: "iOS",
    model: "iPhone16,1",
    model_id: "D83AP",
    arch: "arm64e",
    simulator: false,
    memory_size: 7994605568,
    free_memory: 402653184,
    usable_memory: 6612713472,
    processor_count: 6,
    locale: "de_DE",
    screen_height_pixels: 2556,
    screen_width_pixels: 1179,
    thermal_state: "nominal",
    battery_level: 64,
    charging: false,
    orientation: "portrait",
    online: true,
  },
  os: { name: "iOS", version: "18.2.1", build: "22C161", kernel_version: "Darwin Kernel Version 24.2.0", rooted: false },
  culture: { calendar: "Gregorianischer Kalender", display_name: "Deutsch (Deutschland)", locale: "de_DE", is_24_hour_format: true, timezone: "Europe/Berlin" },
};

const breadcrumbs = [
  { level: "info", timestamp: "2026-01-01T10:00:01.250Z", category: "ui.lifecycle", type: "navigation", origin: "auto.ui", data: { screen: "SyncStatusViewController" } },
  { level: "info", timestamp: "2026-01-01T10:00:02.006Z", category: "touch", type: "user", message: "syncNow:", data: { view: "UIButton" } },
  { level: "info", timestamp: "2026-01-01T10:00:02.113Z", category: "device.connectivity", type: "connectivity", data: { connectivity: "cellular" } },
];

const userInfoOf = (description: string, url: string) => ({
  NSLocalizedDescription: description,
  NSErrorFailingURLStringKey: url,
  NSErrorFailingURLKey: url,
  _kCFStreamErrorCodeKey: -2102,
  _kCFStreamErrorDomainKey: 4,
});

/**
 * SentrySDK.capture(error: SyncError.uploadFailed(batchId:)) where SyncError is a Swift enum that
 * (CustomNSError) puts the URLSession error under NSUnderlyingErrorKey, which itself wraps a
 * CFNetwork error: three exceptions, the innermost underlying error first, the captured one last.
 */
export function cocoaSyncErrorEvent(opts: { eventId: string; timestamp: number; batchId: string; slide: bigint; innerOffset: number }) {
  const launch = new Launch(opts.slide);
  const url = "https://api.pantry.example/v3/batches";
  const stack = mainThreadStack(launch, [0x29f08, opts.innerOffset]);
  return {
    event_id: opts.eventId,
    timestamp: opts.timestamp,
    platform: "cocoa",
    level: "error",
    sdk: sdkInfo,
    release: COCOA_RELEASE,
    dist: "318",
    environment: "production",
    user: { id: "u-48120", email: "mara@pantry.example" },
    breadcrumbs,
    contexts: {
      ...deviceContexts,
      trace: { trace_id: "0e5b7c2a9d1f4e3b8a6c4d2e1f0a9b8c", span_id: "a1b2c3d4e5f60718" },
      "user info": { NSUnderlyingError: `Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSErrorFailingURLStringKey=${url}}` },
    },
    exception: {
      values: [
        {
          value: "Code: -1001",
          type: "kCFErrorDomainCFNetwork",
          mechanism: {
            type: "NSError",
            description: 'Error Domain=kCFErrorDomainCFNetwork Code=-1001 "(null)" UserInfo={_kCFStreamErrorCodeKey=-2102, _kCFStreamErrorDomainKey=4}',
            data: { _kCFStreamErrorCodeKey: -2102, _kCFStreamErrorDomainKey: 4 },
            meta: { ns_error: { domain: "kCFErrorDomainCFNetwork", code: -1001 } },
          },
        },
        {
          value: "Code: -1001",
          type: "NSURLErrorDomain",
          mechanism: {
            type: "NSError",
            description: `Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSErrorFailingURLStringKey=${url}}`,
            data: { ...userInfoOf("The request timed out.", url), NSUnderlyingError: 'Error Domain=kCFErrorDomainCFNetwork Code=-1001 "(null)"' },
            meta: { ns_error: { domain: "NSURLErrorDomain", code: -1001 } },
          },
        },
        {
          value: `uploadFailed(batchId: "${opts.batchId}") (Code: 1)`,
          type: "Pantry.SyncError",
          mechanism: {
            type: "NSError",
            description: `Error Domain=Pantry.SyncError Code=1 "(null)" UserInfo={NSUnderlyingError=0x600001d4c0f0 {Error Domain=NSURLErrorDomain Code=-1001 "The request timed out."}}`,
            data: { NSUnderlyingError: `Error Domain=NSURLErrorDomain Code=-1001 "The request timed out." UserInfo={NSErrorFailingURLStringKey=${url}}` },
            meta: { ns_error: { domain: "Pantry.SyncError", code: 1 } },
          },
        },
      ],
    },
    threads: currentThreads(stack),
    debug_meta: { images: launch.debugImages(MAIN_STACK_IMAGES) },
    tags: { feature: "offline-sync", "sync.mode": "background" },
    extra: { pending_items: 14 },
  };
}

/** The sync bug, first seen. */
export const cocoaSyncError = cocoaSyncErrorEvent({
  eventId: "4e1f7a2c9b3d4c58a6e0f1b2c3d4e5f6",
  timestamp: 1767261602.482913,
  batchId: "B-5521",
  slide: 0x4c8000n,
  innerOffset: SYNC_BUG_OFFSET,
});

/** The same bug on another launch (another ASLR slide), a few instructions further on, another batch. */
export const cocoaSyncErrorAgain = cocoaSyncErrorEvent({
  eventId: "8b2c6d0e1f3a4b5c9d7e8f0a1b2c3d4e",
  timestamp: 1767265233.017442,
  batchId: "B-7730",
  slide: 0x1f0c000n,
  innerOffset: SYNC_BUG_OFFSET + 0x1c,
});

/** A different bug: checkout rejects a card (another Swift error type, raised elsewhere). */
export const cocoaCheckoutError = (() => {
  const launch = new Launch(0x4c8000n);
  const stack = mainThreadStack(launch, [0x31a40, 0x31c88]);
  return {
    event_id: "c7d8e9f0a1b24c3d8e5f6a7b8c9d0e1f",
    timestamp: 1767262011.90412,
    platform: "cocoa",
    level: "error",
    sdk: sdkInfo,
    release: COCOA_RELEASE,
    dist: "318",
    environment: "production",
    user: { id: "u-48120", email: "mara@pantry.example" },
    contexts: { ...deviceContexts, trace: { trace_id: "0e5b7c2a9d1f4e3b8a6c4d2e1f0a9b8c", span_id: "b2c3d4e5f6071829" } },
    exception: {
      values: [
        {
          value: 'cardRejected(reason: "expired") (Code: 2)',
          type: "Pantry.CheckoutError",
          mechanism: {
            type: "NSError",
            description: 'Pantry.CheckoutError.cardRejected(reason: "expired")',
            meta: { ns_error: { domain: "Pantry.CheckoutError", code: 2 } },
          },
        },
      ],
    },
    threads: currentThreads(stack),
    debug_meta: { images: launch.debugImages(MAIN_STACK_IMAGES) },
    tags: { feature: "checkout" },
  };
})();

/**
 * Two URLSession failures captured as plain NSErrors from two call sites of the same build: no
 * network (-1009) while refreshing the pantry list, a bad TLS certificate (-1202) while loading
 * recipes. Sentry keys these apart by mechanism.meta.ns_error (domain + code).
 */
export function cocoaUrlError(opts: { eventId: string; code: number; description: string; appOffsets: [number, number] }) {
  const launch = new Launch(0x4c8000n);
  const url = "https://api.pantry.example/v3/pantry";
  return {
    event_id: opts.eventId,
    timestamp: 1767262400.5,
    platform: "cocoa",
    level: "error",
    sdk: sdkInfo,
    release: COCOA_RELEASE,
    dist: "318",
    environment: "production",
    exception: {
      values: [
        {
          value: `Code: ${opts.code}`,
          type: "NSURLErrorDomain",
          mechanism: {
            type: "NSError",
            description: `Error Domain=NSURLErrorDomain Code=${opts.code} "${opts.description}"`,
            data: userInfoOf(opts.description, url),
            meta: { ns_error: { domain: "NSURLErrorDomain", code: opts.code } },
          },
        },
      ],
    },
    threads: currentThreads(mainThreadStack(launch, opts.appOffsets)),
    debug_meta: { images: launch.debugImages(MAIN_STACK_IMAGES) },
  };
}

export const cocoaOfflineError = cocoaUrlError({ eventId: "d1e2f3a4b5c64d7e8f9a0b1c2d3e4f5a", code: -1009, description: "The Internet connection appears to be offline.", appOffsets: [0x1b7c0, 0x1b9e4] });
export const cocoaCertificateError = cocoaUrlError({ eventId: "e2f3a4b5c6d74e8f9a0b1c2d3e4f5a6b", code: -1202, description: "The certificate for this server is invalid.", appOffsets: [0x44d10, 0x45038] });

/**
 * An unhandled crash as SentryCrashReportConverter turns the previous run's report into an event:
 * a Swift force-unwrap of nil traps (EXC_BREAKPOINT / SIGTRAP); the libswiftCore crash_info message
 * replaces the exception value; the crashed thread's stack (with registers) is on the exception and
 * in `threads`; level fatal; timestamp whole seconds. Sent at the next launch with the crashed session.
 */
export function cocoaSwiftTrapCrash(opts: { eventId: string; timestamp: number; runtimeMessage: string; appOffsets: [number, number] }) {
  const launch = new Launch(0x9a4000n);
  const crashed = [
    launch.frame(IMG.dyld, 0x5d54),
    launch.frame(IMG.pantry, 0x8f1c),
    launch.frame(IMG.swiftUI, 0x1a0c6f8),
    launch.frame(IMG.uiKitCore, 0x3ee6c),
    launch.frame(IMG.graphicsServices, 0x12c4),
    launch.frame(IMG.coreFoundation, 0x8f438),
    launch.frame(IMG.coreFoundation, 0x7b1c8),
    launch.frame(IMG.uiKitCore, 0x2b5d04),
    launch.frame(IMG.uiKitCore, 0x2b59c0),
    launch.frame(IMG.swiftUI, 0xd1e2c0),
    launch.frame(IMG.swiftUI, 0xd1c8a4),
    launch.frame(IMG.pantry, opts.appOffsets[0]), // the button's action
    launch.frame(IMG.pantry, opts.appOffsets[1]), // the store method that trapped
    launch.frame(IMG.libswiftCore, 0x13c6a8), // the runtime's fatal error
  ];
  const eventFetch = [launch.frame(IMG.libsystemPthread, 0x1488), launch.frame(IMG.foundation, 0x6c318), launch.frame(IMG.coreFoundation, 0x7b1c8), launch.frame(IMG.libsystemKernel, 0x1788)];
  const registers = { x0: "0x0000000000000000", x1: "0x000000016f4a2c60", fp: "0x000000016f4a2d10", lr: hexAddress(IMG.pantry.base + 0x9a4000n + BigInt(opts.appOffsets[1])), sp: "0x000000016f4a2cd0", pc: hexAddress(IMG.libswiftCore.base + 0x9a4000n + 0x13c6a8n) };
  return {
    event_id: opts.eventId,
    timestamp: opts.timestamp,
    platform: "cocoa",
    level: "fatal",
    sdk: sdkInfo,
    release: COCOA_RELEASE,
    dist: "318",
    environment: "production",
    user: { id: "u-48120", email: "mara@pantry.example" },
    breadcrumbs: [{ level: "info", timestamp: "2026-01-01T09:55:02.310Z", category: "touch", type: "user", message: "checkoutTapped", data: { view: "SwiftUI.Button" } }],
    contexts: { ...deviceContexts, trace: { trace_id: "3f2e1d0c9b8a47f6a5e4d3c2b1a09f8e", span_id: "c3d4e5f607182930" } },
    exception: {
      values: [
        {
          value: opts.runtimeMessage,
          type: "EXC_BREAKPOINT",
          mechanism: {
            type: "mach",
            handled: false,
            data: { relevant_address: registers.pc },
            meta: {
              mach_exception: { name: "EXC_BREAKPOINT", exception: 6, code: 1, subcode: Number(IMG.libswiftCore.base + 0x9a4000n + 0x13c6a8n) },
              signal: { number: 5, code: 0, name: "SIGTRAP" },
            },
          },
          thread_id: 0,
          stacktrace: { frames: crashed, registers },
        },
      ],
    },
    threads: {
      values: [
        { id: 0, crashed: true, current: true, stacktrace: { frames: crashed, registers }, main: true },
        { id: 1, crashed: false, current: false, name: "com.apple.uikit.eventfetch-thread", stacktrace: { frames: eventFetch, registers: { pc: "0x00000001d8e11788" } }, main: false },
      ],
    },
    debug_meta: {
      images: launch.debugImages([IMG.dyld, IMG.pantry, IMG.swiftUI, IMG.uiKitCore, IMG.graphicsServices, IMG.coreFoundation, IMG.libswiftCore, IMG.libsystemPthread, IMG.foundation, IMG.libsystemKernel]),
    },
    tags: { feature: "checkout" },
    extra: { basket_items: 3 },
  };
}

export const cocoaCrashEvent = cocoaSwiftTrapCrash({
  eventId: "f0a1b2c3d4e54f6a8b7c9d0e1f2a3b4c",
  timestamp: 1767261305,
  runtimeMessage: "Pantry/Basket/BasketStore.swift:212: Fatal error: Unexpectedly found nil while unwrapping an Optional value",
  appOffsets: [0x5e1f0, 0x61a8c],
});

/** Another bug that traps the same way: an array index out of range elsewhere in the app. */
export const cocoaOtherTrapCrash = cocoaSwiftTrapCrash({
  eventId: "a4b5c6d7e8f94a0b8c1d2e3f4a5b6c7d",
  timestamp: 1767263701,
  runtimeMessage: "Swift/ContiguousArrayBuffer.swift:691: Fatal error: Index out of range",
  appOffsets: [0x7c210, 0x7d5e8],
});

/** The crashed session sent with the crash (SentrySession.serialize). */
export const cocoaCrashedSession = {
  sid: "5B0C7E1A-93D2-4F6B-8A41-C2E9D70F3B18",
  errors: 1,
  started: "2026-01-01T09:51:40.118Z",
  init: false,
  status: "crashed",
  timestamp: "2026-01-01T09:55:05.000Z",
  duration: 204.882,
  seq: 4,
  attrs: { release: COCOA_RELEASE, environment: "production" },
  did: "u-48120",
};

/**
 * SentrySDK.capture(message:) gives only `message.formatted` (level info). An Event built by hand
 * can carry the format string and its arguments: SentryMessage(formatted:) plus .message/.params.
 */
export const cocoaMessageEvent = (opts: { eventId: string; coupon: string; basket: string }) => {
  const launch = new Launch(0x4c8000n);
  return {
    event_id: opts.eventId,
    timestamp: 1767262800.125,
    platform: "cocoa",
    level: "warning",
    logger: "pantry.checkout",
    message: { formatted: `Coupon ${opts.coupon} rejected for basket ${opts.basket}`, message: "Coupon %@ rejected for basket %@", params: [opts.coupon, opts.basket] },
    sdk: sdkInfo,
    release: COCOA_RELEASE,
    dist: "318",
    environment: "production",
    user: { id: "u-48120", email: "mara@pantry.example" },
    contexts: deviceContexts,
    threads: currentThreads(mainThreadStack(launch, [0x31a40, 0x32f10])),
    debug_meta: { images: launch.debugImages(MAIN_STACK_IMAGES) },
    tags: { feature: "checkout" },
  };
};

export const cocoaCouponMessage = cocoaMessageEvent({ eventId: "0a9b8c7d6e5f40312a3b4c5d6e7f8091", coupon: "SPRING25", basket: "K-3310" });
export const cocoaCouponMessageAgain = cocoaMessageEvent({ eventId: "1b0c9d8e7f6a41423b4c5d6e7f809102", coupon: "WELCOME10", basket: "K-9054" });

/** SentrySDK.capture(message: "…"): formatted text only, level info, the current thread's stack. */
export const cocoaPlainMessage = {
  event_id: "2c1d0e9f8a7b42534c5d6e7f80910213",
  timestamp: 1767262900.75,
  platform: "cocoa",
  level: "info",
  message: { formatted: "Offline queue passed 500 items; dropping the oldest" },
  sdk: sdkInfo,
  release: COCOA_RELEASE,
  dist: "318",
  environment: "production",
  user: { id: "u-48120" },
  threads: currentThreads(mainThreadStack(new Launch(0x4c8000n), [0x29f08, 0x2b3c0])),
};

/**
 * A React Native app's native module throws an Objective-C exception on its method queue; SentryCrash
 * reports it at the next launch. sentry-react-native starts sentry-cocoa as "sentry.cocoa.react-native"
 * and its beforeSend tags native events event.origin=ios / event.environment=native.
 */
export const reactNativeIosCrashEvent = (() => {
  const launch = new Launch(0x2d8000n);
  const queueThread = [
    launch.frame(IMG.libsystemPthread, 0x1488),
    launch.frame(IMG.libdispatch, 0x13d84),
    launch.frame(IMG.libdispatch, 0x2318),
    launch.frame(IMG.pantryRN, 0x6a3c28), // the bridge invoking the module method
    launch.frame(IMG.pantryRN, 0x1d05f4), // the native payments module
    launch.frame(IMG.coreFoundation, 0x131b8c),
    launch.frame(IMG.coreFoundation, 0x11c5f0),
    launch.frame(IMG.libobjc, 0x1b8c4),
    launch.frame(IMG.coreFoundation, 0x1e3a44),
  ];
  const mainThread = [launch.frame(IMG.dyld, 0x5d54), launch.frame(IMG.pantryRN, 0x2f10), launch.frame(IMG.uiKitCore, 0x3ee6c), launch.frame(IMG.coreFoundation, 0x7b1c8), launch.frame(IMG.libsystemKernel, 0x1788)];
  return {
    event_id: "3d2e1f0a9b8c43645d6e7f8091021324",
    timestamp: 1767263100,
    platform: "cocoa",
    level: "fatal",
    sdk: {
      name: "sentry.cocoa.react-native",
      version: "7.4.0",
      integrations: ["Crash", "AppHang", "Session"],
      features: [],
      packages: [
        { name: "cocoapods:getsentry/sentry.cocoa", version: COCOA_SDK_VERSION },
        { name: "npm:@sentry/react-native", version: "7.4.0" },
      ],
      settings: { infer_ip: "never" },
    },
    release: "com.example.pantryrn@2.8.1+77",
    dist: "77",
    environment: "production",
    user: { id: "u-7731" },
    contexts: {
      ...deviceContexts,
      app: { ...deviceContexts.app, app_identifier: "com.example.pantryrn", app_name: "PantryRN", app_version: "2.8.1", app_build: "77" },
      "user info": { reason_detail: "payments module received a number for cardToken" },
    },
    exception: {
      values: [
        {
          value: "-[__NSCFNumber length]: unrecognized selector sent to instance 0x8b1c3e6f2a4d9057",
          type: "NSInvalidArgumentException",
          mechanism: {
            type: "nsexception",
            handled: false,
            meta: { mach_exception: { name: "EXC_CRASH", exception: 10, code: 0, subcode: 0 }, signal: { number: 6, code: 0, name: "SIGABRT" } },
          },
          thread_id: 7,
          stacktrace: { frames: queueThread, registers: { pc: "0x00000001d8e12f08" } },
        },
      ],
    },
    threads: {
      values: [
        { id: 0, crashed: false, current: false, stacktrace: { frames: mainThread }, main: true },
        { id: 7, crashed: true, current: true, name: "com.facebook.react.PaymentsModuleQueue", stacktrace: { frames: queueThread, registers: { pc: "0x00000001d8e12f08" } }, main: false },
      ],
    },
    debug_meta: { images: launch.debugImages([IMG.dyld, IMG.pantryRN, IMG.uiKitCore, IMG.coreFoundation, IMG.libsystemKernel, IMG.libsystemPthread, IMG.libdispatch, IMG.libobjc]) },
    tags: { "event.origin": "ios", "event.environment": "native" },
  };
})();

/** A batch of structured logs (SentrySDK.logger): a `log` item with item_count and its content type. */
export const cocoaLogBatch = {
  items: [
    {
      timestamp: 1767262950.204,
      trace_id: "0e5b7c2a9d1f4e3b8a6c4d2e1f0a9b8c",
      level: "warn",
      body: "Sync retry 3 for batch B-5521",
      attributes: {
        "sentry.message.template": { type: "string", value: "Sync retry %d for batch %@" },
        "sentry.message.parameter.0": { type: "integer", value: 3 },
        "sentry.message.parameter.1": { type: "string", value: "B-5521" },
        "sentry.sdk.name": { type: "string", value: "sentry.cocoa" },
        "sentry.sdk.version": { type: "string", value: COCOA_SDK_VERSION },
        "sentry.environment": { type: "string", value: "production" },
        "sentry.release": { type: "string", value: COCOA_RELEASE },
      },
      severity_number: 13,
    },
  ],
};

const envelopeSdk = { name: "sentry.cocoa", version: COCOA_SDK_VERSION, integrations: sdkInfo.integrations, features: sdkInfo.features, packages: sdkInfo.packages, settings: sdkInfo.settings };

/** One event in its envelope, as SentryTransportAdapter.sendEvent builds it (header, `event` item with length). */
export function cocoaEventEnvelope(event: { event_id: string; sdk?: unknown; release?: string }, extraItems: Parameters<typeof buildEnvelope>[1] = []): Buffer {
  return buildEnvelope(
    {
      event_id: event.event_id,
      sdk: event.sdk ?? envelopeSdk,
      trace: { trace_id: "0e5b7c2a9d1f4e3b8a6c4d2e1f0a9b8c", public_key: COCOA_PUBLIC_KEY, release: event.release ?? COCOA_RELEASE, environment: "production" },
      sent_at: "2026-01-01T10:00:03.518Z",
    },
    [{ header: { type: "event" }, payload: event, withLength: true }, ...extraItems],
  );
}

export const cocoaSyncErrorEnvelope = cocoaEventEnvelope(cocoaSyncError);
export const cocoaSyncErrorAgainEnvelope = cocoaEventEnvelope(cocoaSyncErrorAgain);
export const cocoaCheckoutErrorEnvelope = cocoaEventEnvelope(cocoaCheckoutError);
export const cocoaOfflineErrorEnvelope = cocoaEventEnvelope(cocoaOfflineError);
export const cocoaCertificateErrorEnvelope = cocoaEventEnvelope(cocoaCertificateError);
export const cocoaCouponMessageEnvelope = cocoaEventEnvelope(cocoaCouponMessage);
export const cocoaCouponMessageAgainEnvelope = cocoaEventEnvelope(cocoaCouponMessageAgain);
export const cocoaPlainMessageEnvelope = cocoaEventEnvelope(cocoaPlainMessage);
/** The crash and its session, sent together at the next launch (sendEvent:withSession:). */
export const cocoaCrashEnvelope = cocoaEventEnvelope(cocoaCrashEvent, [{ header: { type: "session" }, payload: cocoaCrashedSession, withLength: true }]);
export const cocoaOtherTrapCrashEnvelope = cocoaEventEnvelope(cocoaOtherTrapCrash);
export const reactNativeIosCrashEnvelope = cocoaEventEnvelope(reactNativeIosCrashEvent);
/** Logs go in their own envelope with an empty header but for the sdk (TelemetryScheduler). */
export const cocoaLogEnvelope = buildEnvelope({ sdk: envelopeSdk }, [
  { header: { type: "log", content_type: "application/vnd.sentry.items.log+json", item_count: 1 }, payload: cocoaLogBatch, withLength: true },
]);
