import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

/**
 * Go panics that only their message tells apart (review s54): the reviewer's events, sent to
 * POST /api/v1/events as text. The previous fingerprints pinned below were computed by the code
 * before the 2026-12-09 change, so an issue opened then keeps receiving the bug's events.
 */
const publish = (message: string, goroutine = 12) =>
  [
    `panic: ${message}`,
    "",
    `goroutine ${goroutine} [running]:`,
    "github.com/acme/shop/internal/events.(*Bus).Publish(0xc000010000, {0x6b1c20, 0xc000012345})",
    "\t/app/internal/events/bus.go:41 +0x1d",
    "github.com/acme/shop/internal/http.(*Handler).CreateOrder(0xc0001a2000)",
    "\t/app/internal/http/handler.go:88 +0x12b",
  ].join("\n");
const put = (message: string) =>
  [
    `fatal error: ${message}`,
    "",
    "goroutine 41 [running]:",
    "github.com/acme/shop/internal/cache.(*Cache).Put(...)",
    "\t/app/internal/cache/cache.go:61",
    "github.com/acme/shop/internal/http.(*Handler).CreateOrder(0xc0001a2000)",
    "\t/app/internal/http/handler.go:88 +0x12b",
  ].join("\n");
const prepared = (type: string, message: string, stackTrace: string) => prepareEvent(IngestEventSchema.parse({ type, message, stackTrace, platform: "go" }), new Date("2026-12-09T12:00:00Z"));
const panic = (message: string, goroutine?: number) => prepared("panic", message, publish(message, goroutine));

/** Computed before the change: the three panics in Publish shared it, as did the two fatal errors in Put. */
const OLD_PUBLISH_KEY = "4fe039c6c6d2ac25bd003a28ce1d3440";
const OLD_PUT_KEY = "fbfd72d7833fc36105fa73a34ca9ea67";

describe("Go panics in one function (review s54)", () => {
  it("makes different panics different issues: the runtime's unprefixed ones and an app's own", () => {
    const keys = ["assignment to entry in nil map", "send on closed channel", "close of closed channel", "unreachable: unknown currency"].map((m) => panic(m).fingerprint);
    expect(new Set(keys).size).toBe(4);
    expect(panic("assignment to entry in nil map", 977).fingerprint).toBe(keys[0]);
  });

  it("makes a fatal error another issue than a panic, and one issue of the concurrent map access errors", () => {
    const writes = prepared("fatal error", "concurrent map writes", put("concurrent map writes"));
    expect(prepared("fatal error", "concurrent map read and map write", put("concurrent map read and map write")).fingerprint).toBe(writes.fingerprint);
    expect(prepared("fatal error", "all goroutines are asleep - deadlock!", put("all goroutines are asleep - deadlock!")).fingerprint).not.toBe(writes.fingerprint);
  });

  it("reads the panic's message from the trace when the client sends none or a placeholder type", () => {
    const sent = panic("send on closed channel").fingerprint;
    expect(prepared("panic", "", publish("send on closed channel")).fingerprint).toBe(sent);
    expect(prepared("Error", "", publish("send on closed channel")).fingerprint).toBe(sent);
  });

  it("carries the key each had before the change as its previous fingerprint, exactly as it was computed then", () => {
    for (const message of ["assignment to entry in nil map", "send on closed channel", "unreachable: unknown currency"]) {
      const event = panic(message);
      expect(event.fingerprint, message).not.toBe(OLD_PUBLISH_KEY);
      expect(event.previousFingerprint, message).toBe(OLD_PUBLISH_KEY);
    }
    for (const message of ["concurrent map writes", "concurrent map read and map write"]) expect(prepared("fatal error", message, put(message)).previousFingerprint).toBe(OLD_PUT_KEY);
  });

  it("leaves runtime errors keyed as they were, without a previous fingerprint", () => {
    const divide = panic("runtime error: integer divide by zero");
    expect(divide.fingerprint).toBe("6391c6402a39602173e6d39c48d4a95b");
    expect(divide.previousFingerprint).toBeUndefined();
  });
});
