/**
 * Payloads in the shapes sentry-unity 4.x sends for what Unity itself logs (the exceptions thrown
 * through sentry-dotnet are in sdk-dotnet.ts). Hand-written from reading the SDK source; game
 * names, messages and ids are invented.
 *
 * Source files read (getsentry/sentry-unity @ HEAD of Aug 2026):
 *   src/Sentry.Unity/Integrations/UnityWebGLExceptionHandler.cs — on WebGL, where Unity's log
 *     handler cannot be replaced, an exception is captured from `Application.logMessageReceived`
 *     (LogType.Exception) as UnityLogEventFactory.CreateExceptionEvent: one exception of type
 *     "LogException" whose value is Unity's log line ("NullReferenceException: Object reference…"),
 *     mechanism { type: "unity.log", handled: false, terminal: false, synthetic: true }, level error.
 *   src/Sentry.Unity/Integrations/UnityApplicationLoggingIntegration.cs, UnityLogEventFactory.cs —
 *     Debug.LogError: a message event, the parsed log stack in a current thread.
 *   src/Sentry.Unity/Integrations/UnityStackTraceParser.cs — "Class:Method (args) (at file:line)":
 *     `function` is everything up to the first ')', `abs_path` the file, `filename` its
 *     Path.GetFileName ("Unknown" when Mono throws on the name); IL2CPP prints the file as an
 *     all-zero "<000…>" (stripped to ""), a Mono player build as the assembly's MVID "<4a1b…>"
 *     with line 0 (kept).
 *   (history) src/Sentry.Unity/UnityLogException.cs before #731 (2022): Unity's exception log line
 *     split at the first ':' into type and value, the same stack parser.
 */
import { buildEnvelope } from "./envelopes";

const UNITY_SDK = { name: "sentry.dotnet.unity", version: "4.9.0", packages: [{ name: "nuget:Sentry", version: "6.9.0" }, { name: "upm:io.sentry.unity", version: "4.9.0" }] };

const contexts = {
  unity: { type: "unity", editor_version: "6000.0.41f1", install_mode: "Store", rendering_threading_mode: "SingleThreaded" },
  browser: { name: "Chrome", version: "133.0.0" },
  os: { name: "Windows", version: "10" },
};

/** A WebGL (IL2CPP) frame: no file, line 0. */
const webgl = (fn: string, inApp: boolean) => ({ function: fn, lineno: 0, in_app: inApp });

const webglEvent = (eventId: string, logLine: string, frames: object[]) => ({
  event_id: eventId,
  timestamp: "2026-03-14T18:02:44.1200000+00:00",
  platform: "csharp",
  level: "error",
  release: "com.larkspur.harbor@0.9.3",
  environment: "production",
  sdk: UNITY_SDK,
  contexts,
  exception: {
    values: [
      {
        type: "LogException",
        value: logLine,
        stacktrace: { frames },
        mechanism: { type: "unity.log", handled: false, terminal: false, synthetic: true },
      },
    ],
  },
});

const saveFrames = [
  webgl("UnityEngine.EventSystems.ExecuteEvents.Execute (UnityEngine.EventSystems.IEventSystemHandler handler, UnityEngine.EventSystems.BaseEventData eventData)", false),
  webgl("Larkspur.Harbor.UI.SaveMenu.OnSaveClicked ()", true),
  webgl("Larkspur.Harbor.Persistence.SaveSystem.WriteSlot (System.Int32 slot)", true),
];

export const WEBGL_NRE_EVENT_ID = "4f1e2d3c4b5a69788796a5b4c3d2e1f0";
export const webglNullReferenceEvent = webglEvent(WEBGL_NRE_EVENT_ID, "NullReferenceException: Object reference not set to an instance of an object.", saveFrames);
export const webglNullReferenceEnvelope = buildEnvelope(
  { event_id: WEBGL_NRE_EVENT_ID, sdk: { name: UNITY_SDK.name, version: UNITY_SDK.version }, sent_at: "2026-03-14T18:02:44.310Z" },
  [{ header: { type: "event", length: 0 }, payload: webglNullReferenceEvent, withLength: true }],
  { trailingNewline: true },
);
/** The same failure in the same place, another session. */
export const webglNullReferenceAgainEvent = webglEvent("5a0f1e2d3c4b5a69788796a5b4c3d2e1", "NullReferenceException: Object reference not set to an instance of an object.", saveFrames);
/** Another exception thrown from the same method: another bug. */
export const webglInvalidOperationEvent = webglEvent("6b1a0f1e2d3c4b5a69788796a5b4c3d2", "InvalidOperationException: Sequence contains no elements", saveFrames);
/** A log line that names no exception type. */
export const webglUntypedEvent = webglEvent("7c2b1a0f1e2d3c4b5a69788796a5b4c3", "Save failed, quota exceeded", saveFrames);

/**
 * Debug.LogError in a Mono player build (Windows standalone): a message event; the log stack's
 * files are the assembly's MVID, which changes with every build, line 0.
 */
const monoFrame = (fn: string, mvid: string, inApp: boolean) => ({ filename: "Unknown", abs_path: `<${mvid}>`, function: fn, lineno: 0, in_app: inApp });
const monoLogErrorEvent = (eventId: string, mvid: string, message: string, logging: string) => ({
  event_id: eventId,
  timestamp: "2026-03-14T18:03:10.5000000+00:00",
  platform: "csharp",
  level: "error",
  release: "com.larkspur.harbor@0.9.3",
  environment: "production",
  sdk: UNITY_SDK,
  message: { message },
  threads: {
    values: [
      {
        id: 1,
        crashed: false,
        current: true,
        stacktrace: {
          frames: [
            monoFrame("UnityEngine.Events.InvokableCall:Invoke ()", "a0b1c2d3e4f5061728394a5b6c7d8e9f", false),
            monoFrame("Larkspur.Harbor.UI.SaveMenu:OnSaveClicked ()", mvid, true),
            monoFrame(logging, mvid, true),
            { function: "UnityEngine.Debug:LogError (object)", in_app: false },
          ],
        },
      },
    ],
  },
});
export const monoLogErrorBuild1Event = monoLogErrorEvent("8d3c2b1a0f1e2d3c4b5a69788796a5b4", "4a1b2c3d4e5f60718293a4b5c6d7e8f9", "Save slot 2 could not be written", "Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)");
/** The next build: the game assembly's MVID changed. */
export const monoLogErrorBuild2Event = monoLogErrorEvent("9e4d3c2b1a0f1e2d3c4b5a69788796a5", "f9e8d7c6b5a4938271605f4e3d2c1b0a", "Save slot 2 could not be written", "Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)");
/** The same text logged by another method. */
export const monoLogErrorElsewhereEvent = monoLogErrorEvent("0f5e4d3c2b1a0f1e2d3c4b5a69788796", "4a1b2c3d4e5f60718293a4b5c6d7e8f9", "Save slot 2 could not be written", "Larkspur.Harbor.Cloud.CloudSync:UploadSlot (int)");
