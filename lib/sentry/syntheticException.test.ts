import { describe, expect, it } from "vitest";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { exceptionNamedBy } from "@/lib/sentry/syntheticException";

const typeAndMessage = (exception: object, extra: object = {}) => {
  const [event] = mapSentryEvent({ exception: { values: [exception] }, ...extra }).events;
  return [event.type, event.message];
};

describe("exceptionNamedBy", () => {
  it("reads a qualified type and the message after it", () => {
    expect(exceptionNamedBy("System.InvalidOperationException: Sequence contains no elements")).toEqual({ type: "System.InvalidOperationException", message: "Sequence contains no elements" });
    expect(exceptionNamedBy("Foo::BarError: a: b")).toEqual({ type: "Foo::BarError", message: "a: b" });
    expect(exceptionNamedBy("App\\Exceptions\\Oops: x")).toEqual({ type: "App\\Exceptions\\Oops", message: "x" });
  });

  it("names nothing when the text before the colon is a sentence, or there is none", () => {
    expect(exceptionNamedBy("Object captured as exception with keys: a, b")).toBeUndefined();
    expect(exceptionNamedBy("Segfault")).toBeUndefined();
    expect(exceptionNamedBy(undefined)).toBeUndefined();
  });
});

describe("a synthetic exception in mapSentryEvent", () => {
  it("is the exception its value names", () => {
    expect(typeAndMessage({ type: "LogException", value: "UnityException: Transform child out of bounds", mechanism: { type: "unity.log", synthetic: true } })).toEqual(["UnityException", "Transform child out of bounds"]);
  });

  it("keeps its own type when the value names none (a native signal, an object captured by a JavaScript SDK)", () => {
    expect(typeAndMessage({ type: "SIGSEGV", value: "Segfault", mechanism: { type: "signalhandler", synthetic: true } })).toEqual(["SIGSEGV", "Segfault"]);
    expect(typeAndMessage({ type: "Error", value: "Object captured as exception with keys: code, reason", mechanism: { type: "generic", synthetic: true } })).toEqual(["Error", "Object captured as exception with keys: code, reason"]);
  });

  it("is read as sent when it is not synthetic", () => {
    expect(typeAndMessage({ type: "ValidationError", value: "Email: must not be blank" })).toEqual(["ValidationError", "Email: must not be blank"]);
  });

  it("that only repeats the logged message is still the message's stack", () => {
    expect(typeAndMessage({ type: "Error", value: "KeyError: 'sku'", mechanism: { synthetic: true } }, { message: "KeyError: 'sku'" })).toEqual(["Message", "KeyError: 'sku'"]);
  });
});
