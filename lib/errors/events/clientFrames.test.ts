import { describe, expect, it } from "vitest";
import { hasClientFrames } from "@/lib/errors/events/clientFrames";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { viewChain } from "@/lib/errors/events/eventFrames";

describe("hasClientFrames: the viewer judges in-app as grouping did", () => {
  it("knows a Sentry SDK's event by its Sentry context, and any structured frames by their stored chain", () => {
    expect(hasClientFrames({ sentry: { sdk: { name: "sentry.python" } } })).toBe(true);
    expect(hasClientFrames({ other: 1 })).toBe(false);
    expect(hasClientFrames(null, [{ type: "E", message: "", relation: "raised", frames: [], clientFrames: true }])).toBe(true);
    expect(hasClientFrames(null, [{ type: "E", message: "", relation: "raised", frames: [] }])).toBe(false);
  });

  it("a native-API event's structured frames keep the client's in_app in the view, as in its grouping", () => {
    const prepared = prepareEvent({
      type: "PricingError",
      message: "no price for sku 42",
      platform: "python",
      stackTrace: [
        { filename: "shop/pricing.py", absPath: "/usr/local/lib/python3.12/site-packages/shop/pricing.py", module: "shop.pricing", function: "price_of", lineno: 41, inApp: true },
      ],
    });
    expect(prepared.exceptions?.[0]).toMatchObject({ clientFrames: true });
    expect(hasClientFrames({}, prepared.exceptions)).toBe(true);
    const shown = viewChain(prepared.exceptions, "python", undefined, hasClientFrames({}, prepared.exceptions));
    expect(shown?.[0].frames[0]).toMatchObject({ function: "price_of", inApp: true });
  });
});
