import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { issueTitle } from "@/lib/domain/issueTitle";
import { eventTags } from "@/lib/ingest/eventTags";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  WEBGL_NRE_EVENT_ID,
  monoLogErrorBuild1Event,
  monoLogErrorBuild2Event,
  monoLogErrorElsewhereEvent,
  webglInvalidOperationEvent,
  webglNullReferenceAgainEvent,
  webglNullReferenceEnvelope,
  webglUntypedEvent,
} from "@/lib/sentry/__fixtures__/sdk-unity";

/**
 * What sentry-unity sends for the errors Unity logs (Debug.LogException and thrown exceptions
 * through sentry-dotnet are in sdkShapes-dotnet.test.ts), through the Sentry door's steps.
 * Payload shapes: lib/sentry/__fixtures__/sdk-unity.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T18:05:00.000Z");
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];

describe("sentry-unity on WebGL: an exception captured from Unity's log (a synthetic LogException)", () => {
  const contents = unpackEnvelope(parseEnvelope(webglNullReferenceEnvelope));
  const event = prepareEvent(contents.events[0], RECEIVED_AT);

  it("accepts the envelope", () => {
    expect(contents.eventId).toBe(WEBGL_NRE_EVENT_ID);
    expect(contents.events).toHaveLength(1);
  });

  it("is titled by the exception the log line names, not by the SDK's stand-in type", () => {
    expect([event.type, event.message]).toEqual(["NullReferenceException", "Object reference not set to an instance of an object."]);
    expect(issueTitle(event)).toBe("NullReferenceException: Object reference not set to an instance of an object.");
  });

  it("stays unhandled, at error severity, with the SDK's mechanism kept", () => {
    expect(event.severity).toBe("high");
    expect(tag(event, "handled")).toBe("no");
    expect(tag(event, "mechanism")).toBe("unity.log");
  });

  it("blames the game's innermost frame", () => {
    expect(culpritOf(event.frames, event.platform, event.exceptions)).toBe("Larkspur.Harbor.Persistence.SaveSystem.WriteSlot (System.Int32 slot)");
  });

  it("groups the same exception from the same method into one issue", () => {
    expect(prepare(webglNullReferenceAgainEvent).fingerprint).toBe(event.fingerprint);
  });

  it("keeps another exception thrown from the same method apart", () => {
    const other = prepare(webglInvalidOperationEvent);
    expect(other.type).toBe("InvalidOperationException");
    expect(other.fingerprint).not.toBe(event.fingerprint);
  });

  it("keeps the stand-in's type when the log line names none", () => {
    const untyped = prepare(webglUntypedEvent);
    expect([untyped.type, untyped.message]).toEqual(["LogException", "Save failed, quota exceeded"]);
  });
});

describe("sentry-unity in a Mono player build: Debug.LogError, its stack's files an assembly MVID", () => {
  const event = prepare(monoLogErrorBuild1Event);

  it("is a message with the game's frames, which name no file", () => {
    expect([event.type, event.message]).toEqual(["Message", "Save slot 2 could not be written"]);
    expect(event.frames.map((f) => [f.function, f.filename, f.absPath])).toEqual([
      ["UnityEngine.Events.InvokableCall:Invoke ()", undefined, undefined],
      ["Larkspur.Harbor.UI.SaveMenu:OnSaveClicked ()", undefined, undefined],
      ["Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)", undefined, undefined],
      ["UnityEngine.Debug:LogError (object)", undefined, undefined],
    ]);
  });

  it("blames the method that logged, without the MVID", () => {
    expect(culpritOf(event.frames, event.platform, event.exceptions)).toBe("Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)");
  });

  it("groups the same log call from the next build (another MVID) with the first", () => {
    expect(prepare(monoLogErrorBuild2Event).fingerprint).toBe(event.fingerprint);
  });

  it("keeps the same text logged by another method apart", () => {
    expect(prepare(monoLogErrorElsewhereEvent).fingerprint).not.toBe(event.fingerprint);
  });
});
