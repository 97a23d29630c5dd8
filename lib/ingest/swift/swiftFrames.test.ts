import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

/**
 * A Swift crash as sentry-cocoa sends it when the app symbolicates on the device (dladdr names):
 * Swift code by its mangled symbol, system code by its C / Objective-C name.
 */
const APP = "/private/var/containers/Bundle/Application/3C9A7E52-1B4D-4F0E-9A61-7D2C5B8E0F13/Shop.app/Shop";

function cocoaCrash(slide: number, place = "$s4Shop12OrderServiceC5place5itemsySaySSG_tKF") {
  const frame = (fn: string, pkg: string, offset: number, inApp: boolean) => ({
    function: fn,
    package: pkg,
    instruction_addr: `0x${(0x100e14000 + slide + offset).toString(16)}`,
    in_app: inApp,
  });
  return {
    event_id: "4f1c2b7e9a0d4c3b8e6f5a2d1c0b9e8a",
    platform: "cocoa",
    timestamp: 1767261600,
    level: "fatal",
    exception: {
      values: [
        {
          type: "EXC_BREAKPOINT",
          value: "Fatal error: Unexpectedly found nil while unwrapping an Optional value",
          mechanism: { type: "mach", handled: false },
          stacktrace: {
            frames: [
              frame("main", APP, 0x8f1c, true),
              frame("UIApplicationMain", "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore", 0x3ee6c, false),
              frame("$s4Shop15CheckoutHandlerC6submityyFyycfU_", APP, 0x2a100, true),
              frame(place, APP, 0x2a2b4, true),
              { raw_function: "$s4Shop9CartModelV5totalSdvg", package: APP, in_app: true },
              frame("$ss17_assertionFailure__4file4line5flagss5NeverOs12StaticStringV_A2HSus6UInt32VtF", "/usr/lib/swift/libswiftCore.dylib", 0x2b4, false),
            ],
          },
        },
      ],
    },
  };
}

const RECEIVED_AT = new Date("2026-01-01T12:00:00.000Z");

function ingest(event: unknown) {
  const [mapped] = mapSentryEvent(event).events;
  return prepareEvent(IngestEventSchema.parse(mapped), RECEIVED_AT);
}

const functions = (frames: Frame[]) => frames.map((f) => f.function);

describe("Swift frames of a Sentry cocoa event", () => {
  it("are stored with the names the mangled symbols stand for; other names are kept", () => {
    const event = ingest(cocoaCrash(0));
    expect(functions(event.frames)).toEqual([
      "main",
      "UIApplicationMain",
      "closure #1 in Shop.CheckoutHandler.submit()",
      "Shop.OrderService.place(items:)",
      "Shop.CartModel.total.getter",
      "Swift._assertionFailure(_:_:file:line:flags:)",
    ]);
    expect(event.stackTrace).toContain("at Shop.OrderService.place(items:) (");
    expect(event.stackTrace).not.toContain("$s4Shop");
  });

  it("names the culprit by the demangled function", () => {
    const event = ingest(cocoaCrash(0));
    expect(culpritOf(event.frames, event.platform)).toContain("Shop.CartModel.total.getter");
  });

  it("groups two launches (another ASLR slide) and a parameter type change together, and another function apart", () => {
    const first = ingest(cocoaCrash(0));
    expect(ingest(cocoaCrash(0x4000)).fingerprint).toBe(first.fingerprint);
    // place(items: [String]) became place(items: [Item]): the same function to the developer.
    expect(ingest(cocoaCrash(0, "$s4Shop12OrderServiceC5place5itemsySayAA4ItemVG_tKF")).fingerprint).toBe(first.fingerprint);
    expect(ingest(cocoaCrash(0, "$s4Shop12OrderServiceC6cancel5itemsySaySSG_tKF")).fingerprint).not.toBe(first.fingerprint);
  });

  it("demangles the symbols of a Swift runtime backtrace sent as text", () => {
    const trace = [
      "Fatal error: Unexpectedly found nil while unwrapping an Optional value",
      "Current stack trace:",
      "0    libswiftCore.so                    0x00007f3a8c5c1b40 swift_reportError + 50",
      "1    libswiftCore.so                    0x00007f3a8c634f00 _swift_stdlib_reportFatalErrorInFile + 112",
      "2    App                                0x000055b3d7c6a1e4 $s3App12OrderServiceC5placeyyF + 420",
      "3    App                                0x000055b3d7c69a10 main + 64",
    ].join("\n");
    expect(parseStackTrace(trace).frames.map((f) => f.function)).toEqual(["main", "App.OrderService.place()", "_swift_stdlib_reportFatalErrorInFile", "swift_reportError"]);
  });
});
