import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { selectGroupingFrames } from "@/lib/grouping/frames/selectGroupingFrames";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { eventTags } from "@/lib/ingest/eventTags";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import {
  RN_CAUSE_EVENT_ID,
  rnCauseEnvelope,
  rnCauseEvent,
  rnIosRejectionEvent,
  rnLegacyCauseEvent,
  rnNativeRejectionEnvelope,
} from "@/lib/sentry/__fixtures__/sdk-react-native";

/**
 * What @sentry/react-native sends from a Hermes release build, through parseEnvelope →
 * unpackEnvelope → prepareEvent → culpritOf, as the Sentry door does.
 * Payload shapes: lib/sentry/__fixtures__/sdk-react-native.ts (sources read are listed there).
 */

const RECEIVED_AT = new Date("2026-03-14T11:05:00.000Z");

function ingest(body: Buffer) {
  const contents = unpackEnvelope(parseEnvelope(body));
  const event = prepareEvent(contents.events[0], RECEIVED_AT);
  return { contents, event, culprit: culpritOf(event.frames, event.platform, event.exceptions) };
}
const prepare = (payload: unknown) => prepareEvent(unpackStoreEvent(payload)[0], RECEIVED_AT);
const chainOf = (e: PreparedEvent) => (e.exceptions ?? []).map((x) => [x.type, x.message, x.relation]);
const tag = (e: PreparedEvent, key: string) => eventTags(e).find(([k]) => k === key)?.[1];

describe("sentry-react-native: an error with a cause (NativeLinkedErrors appends the cause)", () => {
  const { contents, event, culprit } = ingest(rnCauseEnvelope);

  it("accepts the envelope and answers with the event's id", () => {
    expect(contents.eventId).toBe(RN_CAUSE_EVENT_ID);
    expect(contents.events).toHaveLength(1);
  });

  it("titles the issue by the captured error, not by its cause listed after it", () => {
    expect([event.type, event.message]).toEqual(["Error", "Could not load profile"]);
    expect(chainOf(event)).toEqual([
      ["Error", "Could not load profile", "raised"],
      ["TypeError", "Network request failed", "cause"],
    ]);
  });

  it("takes the stack and the mechanism (handled) from the captured error", () => {
    expect(event.frames.map((f) => f.function)).toEqual(["callFunctionReturnFlushedQueue", "onPress", "loadProfile"]);
    expect(tag(event, "handled")).toBe("yes");
  });

  it("names the bundle (without the empty app:/// origin) and the innermost app function as the culprit", () => {
    expect(culprit).toBe("index.android.bundle in loadProfile");
  });

  it("groups the same bug from the next build (other bundle columns, other release) with the first", () => {
    const again = prepare(rnCauseEvent("1a2b3c4d5e6f708192a3b4c5d6e7f809", 1733, "com.harborcafe.app@3.1.1+121"));
    expect(again.fingerprint).toBe(event.fingerprint);
  });
});

describe("sentry-react-native: a native module's rejected promise", () => {
  const { event, culprit } = ingest(rnNativeRejectionEnvelope);

  it("is the JS error, unhandled, its JavaScript stack first; the Java side follows as its cause", () => {
    expect([event.type, event.message]).toEqual(["Error", "Camera unavailable"]);
    expect(tag(event, "handled")).toBe("no");
    expect(event.frames.at(-1)).toMatchObject({ function: "takeReceiptPhoto", filename: "app:///index.android.bundle" });
    expect(event.exceptions?.[1].frames.map((f) => f.function)).toEqual(["invoke", "takePhoto", "reject"]);
  });

  it("judges the Java side's frames as Java: React Native's bridge and promise classes are library, the app's module is its own", () => {
    const java = event.exceptions![1].frames;
    expect(java.map((f) => f.platform)).toEqual(["java", "java", "java"]);
    expect(selectGroupingFrames(java, "javascript").keys).toEqual(["com.harborcafe.app.camera.ReceiptCameraModule:takePhoto"]);
  });

  it("blames the JavaScript code that called the native module", () => {
    expect(culprit).toBe("index.android.bundle in takeReceiptPhoto");
  });

  it("on iOS keeps the Objective-C exception's address-only frames as the cause, located by their binary", () => {
    const ios = prepare(rnIosRejectionEvent);
    expect(chainOf(ios).map(([type, , relation]) => [type, relation])).toEqual([
      ["Error", "raised"],
      ["NSInternalInconsistencyException", "cause"],
    ]);
    expect(ios.exceptions?.[1].frames.at(-1)).toMatchObject({ module: expect.stringMatching(/HarborCafe\.app\/HarborCafe$/), instructionAddr: "0x104e2a1c8" });
  });
});

describe("sentry-react-native before 5.9 (the JavaScript SDK's LinkedErrors)", () => {
  it("reads a numbered chain in protocol order: the raised error is the last value", () => {
    const legacy = prepare(rnLegacyCauseEvent);
    expect(chainOf(legacy).map(([type]) => type)).toEqual(["Error", "TypeError"]);
  });

  it("reads an unnumbered chain of a version before NativeLinkedErrors in protocol order too", () => {
    const values = rnLegacyCauseEvent.exception.values.map(({ type, value, stacktrace }) => ({ type, value, stacktrace }));
    const old = prepare({ ...rnLegacyCauseEvent, sdk: { ...rnLegacyCauseEvent.sdk, version: "5.3.1" }, exception: { values } });
    expect(chainOf(old).map(([type]) => type)).toEqual(["Error", "TypeError"]);
  });

  it("groups a 5.5 event with the same bug sent by 7.x", () => {
    expect(prepare(rnLegacyCauseEvent).fingerprint).toBe(prepare(rnCauseEvent()).fingerprint);
  });
});
