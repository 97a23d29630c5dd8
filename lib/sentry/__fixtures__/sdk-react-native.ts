/**
 * Payloads in the shapes @sentry/react-native 7.x sends from a release build on Android and iOS
 * (Hermes). Hand-written from reading the SDK source; app names, messages and ids are invented.
 *
 * Source files read (getsentry/sentry-react-native @ HEAD of Aug 2026):
 *   packages/core/src/js/integrations/nativelinkederrors.ts — replaces the JavaScript SDK's
 *     LinkedErrors on iOS and Android (default.ts, `notWeb()`); APPENDS each `cause` after the
 *     captured exception (`[...event.exception.values, ...linkedErrors]`), without exception ids:
 *     a JS error, a Java throwable (`stackElements` → frames with platform "java", module = class),
 *     an Objective-C exception (`stackReturnAddresses` → frames with platform "cocoa", package,
 *     image_addr, instruction_addr), and since #6278 the `nativeStackAndroid` of a rejected native
 *     module promise (same type and message as the JS error, the Java frames).
 *   packages/core/src/js/integrations/rewriteframes.ts — `app:///index.android.bundle`,
 *     `app:///main.jsbundle`; Hermes bytecode columns made 1-based; InternalBytecode.js not in-app.
 *   packages/core/src/js/integrations/eventorigin.ts — tags event.origin / event.environment.
 *   packages/core/src/js/integrations/reactnativeerrorhandlers.ts — unhandled rejections:
 *     mechanism { handled: false, type: "onunhandledrejection" }; the global handler: level fatal.
 *   packages/core/ios/RNSentry+fetchNativeStack.m (the cocoa frame fields).
 * Before 5.9.0 (Aug 2023) the JavaScript SDK's LinkedErrors ran instead: protocol order, ids.
 */
import { buildEnvelope } from "./envelopes";

export const RN_SDK_VERSION = "7.2.0";
const sdk = (version = RN_SDK_VERSION) => ({
  name: "sentry.javascript.react-native",
  version,
  integrations: ["InboundFilters", "FunctionToString", "NativeLinkedErrors", "ReactNativeErrorHandlers", "Release", "EventOrigin", "SdkInfo", "DeviceContext"],
  packages: [{ name: "npm:@sentry/react-native", version }],
});

const js = (fn: string, colno: number, inApp = true) => ({ function: fn, filename: "app:///index.android.bundle", lineno: 1, colno, in_app: inApp });
const iosJs = (fn: string, colno: number) => ({ function: fn, filename: "app:///main.jsbundle", lineno: 1, colno, in_app: true });

const androidContexts = {
  os: { name: "Android", version: "14", build: "UQ1A.240205.004", kernel_version: "5.15.110" },
  device: { family: "Pixel", model: "Pixel 8", manufacturer: "Google", arch: "arm64-v8a", simulator: false },
  app: { app_identifier: "com.harborcafe.app", app_name: "Harbor Cafe", app_version: "3.1.0", app_build: "120" },
  react_native_context: { js_engine: "hermes", turbo_module: true, fabric: true, react_native_version: "0.76.3", expo: false },
};

const base = (eventId: string, opts: { version?: string; timestamp?: number; release?: string } = {}) => ({
  event_id: eventId,
  timestamp: opts.timestamp ?? 1773486001.482,
  platform: "javascript",
  level: "error",
  release: opts.release ?? "com.harborcafe.app@3.1.0+120",
  dist: "120",
  environment: "production",
  sdk: sdk(opts.version),
  contexts: androidContexts,
  tags: { "event.origin": "javascript", "event.environment": "javascript" },
  user: { id: "u-5512" },
  breadcrumbs: [{ timestamp: 1773486000.9, category: "touch", type: "user", message: "Touch event within element: ProfileButton", level: "info" }],
});

/**
 * captureException(new Error("Could not load profile", { cause: new TypeError("Network request failed") }))
 * in a release build: NativeLinkedErrors lists the captured error, then its cause.
 */
export const RN_CAUSE_EVENT_ID = "7a1e0c9b2d3f4a5b8c6d7e8f9a0b1c2d";
export const rnCauseEvent = (eventId = RN_CAUSE_EVENT_ID, shift = 0, release?: string) => ({
  ...base(eventId, { release }),
  exception: {
    values: [
      {
        type: "Error",
        value: "Could not load profile",
        stacktrace: { frames: [js("callFunctionReturnFlushedQueue", 90211 + shift, false), js("onPress", 512840 + shift), js("loadProfile", 498122 + shift)] },
        mechanism: { type: "generic", handled: true },
      },
      {
        type: "TypeError",
        value: "Network request failed",
        stacktrace: { frames: [js("dispatchEvent", 77410 + shift, false), js("anonymous", 66012 + shift, false)] },
      },
    ],
  },
});
export const rnCauseEnvelope = buildEnvelope({ event_id: RN_CAUSE_EVENT_ID, sent_at: "2026-03-14T11:00:02.011Z", sdk: { name: "sentry.javascript.react-native", version: RN_SDK_VERSION } }, [{ header: { type: "event" }, payload: rnCauseEvent(), withLength: true }]);

/**
 * A native module's promise rejected on Android (`promise.reject("E_CAMERA", "Camera unavailable", e)`)
 * and left unhandled: the JS error, then the rejection's `nativeStackAndroid` as a linked
 * exception of the same type and message whose frames are Java's (platform "java").
 */
export const RN_NATIVE_REJECTION_EVENT_ID = "8b2f1d0c3e4a5b6c9d7e8f0a1b2c3d4e";
export const rnNativeRejectionEvent = {
  ...base(RN_NATIVE_REJECTION_EVENT_ID),
  exception: {
    values: [
      {
        type: "Error",
        value: "Camera unavailable",
        stacktrace: { frames: [js("promiseMethodWrapper", 88120, false), js("takeReceiptPhoto", 530144)] },
        mechanism: { type: "onunhandledrejection", handled: false },
      },
      {
        type: "Error",
        value: "Camera unavailable",
        stacktrace: {
          frames: [
            { platform: "java", module: "com.facebook.react.bridge.JavaMethodWrapper", filename: "JavaMethodWrapper.java", lineno: 372, function: "invoke" },
            { platform: "java", module: "com.harborcafe.app.camera.ReceiptCameraModule", filename: "ReceiptCameraModule.kt", lineno: 88, function: "takePhoto", in_app: true },
            { platform: "java", module: "com.facebook.react.bridge.PromiseImpl", filename: "PromiseImpl.java", lineno: 120, function: "reject" },
          ],
        },
      },
    ],
  },
};
export const rnNativeRejectionEnvelope = buildEnvelope({ event_id: RN_NATIVE_REJECTION_EVENT_ID, sent_at: "2026-03-14T11:00:03.020Z", sdk: { name: "sentry.javascript.react-native", version: RN_SDK_VERSION } }, [{ header: { type: "event" }, payload: rnNativeRejectionEvent, withLength: true }]);

/** The same on iOS: the Objective-C exception behind the rejection, its frames as addresses in the app binary. */
export const RN_IOS_REJECTION_EVENT_ID = "9c3a2e1d4f5b6c7d0e8f9a1b2c3d4e5f";
const APP_BINARY = "/private/var/containers/Bundle/Application/1B4C7E2A-9D3F-4A5B-8C6D-7E8F9A0B1C2D/HarborCafe.app/HarborCafe";
export const rnIosRejectionEvent = {
  ...base(RN_IOS_REJECTION_EVENT_ID),
  contexts: { os: { name: "iOS", version: "18.3.1" }, device: { family: "iOS", model: "iPhone15,3", simulator: false } },
  exception: {
    values: [
      {
        type: "Error",
        value: "Keychain item not found",
        stacktrace: { frames: [iosJs("restoreSession", 201934)] },
        mechanism: { type: "onunhandledrejection", handled: false },
      },
      {
        type: "NSInternalInconsistencyException",
        value: "Keychain item not found",
        stacktrace: {
          frames: [
            { platform: "cocoa", instruction_addr: "0x1a2b3c4d0", package: "/usr/lib/system/libdyld.dylib", image_addr: "0x1a2b00000", in_app: false },
            { platform: "cocoa", instruction_addr: "0x104e2a1c8", package: APP_BINARY, image_addr: "0x104e00000", in_app: true },
          ],
        },
      },
    ],
  },
  debug_meta: { images: [{ type: "macho", code_file: APP_BINARY, image_addr: "0x104e00000", image_size: 4194304, debug_id: "1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718" }] },
};

/**
 * @sentry/react-native 5.5 (before NativeLinkedErrors): the JavaScript SDK's LinkedErrors lists
 * the cause first and numbers the chain (exception_id / parent_id), as the protocol says.
 */
export const RN_LEGACY_CAUSE_EVENT_ID = "0d4b3f2e5a6c7d8e1f9a0b2c3d4e5f60";
export const rnLegacyCauseEvent = {
  ...base(RN_LEGACY_CAUSE_EVENT_ID, { version: "5.5.0" }),
  exception: {
    values: [
      {
        type: "TypeError",
        value: "Network request failed",
        stacktrace: { frames: [js("dispatchEvent", 77410, false), js("anonymous", 66012, false)] },
        mechanism: { type: "chained", source: "cause", exception_id: 1, parent_id: 0 },
      },
      {
        type: "Error",
        value: "Could not load profile",
        stacktrace: { frames: [js("callFunctionReturnFlushedQueue", 90211, false), js("onPress", 512840), js("loadProfile", 498122)] },
        mechanism: { type: "generic", handled: true, exception_id: 0 },
      },
    ],
  },
};
