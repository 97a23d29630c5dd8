import { describe, expect, it } from "vitest";
import { opensWithHeader, rawChainText } from "@/lib/errors/events/rawChainText";

describe("rawChainText (the event viewer's Raw)", () => {
  it("prints the header once when the trace text opens with it (an SDK's frames kept as text, a JavaScript stack)", () => {
    const stackTrace = "PaymentFailed: gateway timed out\n  at checkout (shop/views.py:44)\nCaused by: ReadTimeout: read timed out\n  at charge (shop/gateway.py:88)";
    const raw = rawChainText([
      { type: "PaymentFailed", value: "gateway timed out", relation: "raised", stackTrace },
      { type: "ReadTimeout", value: "read timed out", relation: "cause", stackTrace: null },
    ]);
    expect(raw).toBe(stackTrace);
    expect(raw.match(/PaymentFailed: gateway timed out/g)).toHaveLength(1);
  });

  it("adds the header where the text has none (a Python traceback, frames only) and labels causes", () => {
    const traceback = 'Traceback (most recent call last):\n  File "/app/api.py", line 40, in checkout\nCheckoutError: checkout failed';
    expect(rawChainText([{ type: "CheckoutError", value: "checkout failed", relation: "raised", stackTrace: traceback }])).toBe(`CheckoutError: checkout failed\n${traceback}`);
    expect(
      rawChainText([
        { type: "TypeError", value: "x", relation: "raised", stackTrace: "  at f (a.js:1:1)" },
        { type: "RangeError", value: "", relation: "cause", stackTrace: "RangeError\n  at g (b.js:2:2)" },
        { type: "Error", value: "y", relation: "context", stackTrace: "  at h (c.js:3:3)" },
      ]),
    ).toBe("TypeError: x\n  at f (a.js:1:1)\n\nCaused by: RangeError\n  at g (b.js:2:2)\n\nWhile handling: Error: y\n  at h (c.js:3:3)");
    expect(rawChainText([{ type: "Boom", value: "", relation: "raised", stackTrace: null }])).toBe("Boom\n");
  });

  it("reads a header line: the message after a type name, qualified or not; the type alone without a message", () => {
    expect(opensWithHeader("java.lang.IllegalStateException: cart is empty\n\tat com.shop.Cart.total(Cart.java:12)", "IllegalStateException", "cart is empty")).toBe(true);
    expect(opensWithHeader("PaymentFailedB1: gateway timed out\n  at x", "PaymentFailedA1", "gateway timed out")).toBe(true);
    expect(opensWithHeader("ValueError: line one\n  at x", "ValueError", "line one\nline two")).toBe(true);
    expect(opensWithHeader("java.lang.NullPointerException\n\tat a.B.c(B.java:1)", "NullPointerException", "")).toBe(true);
    expect(opensWithHeader("Uncaught TypeError: x\n    at f", "TypeError", "x")).toBe(false);
    expect(opensWithHeader("  at f (a.js:1:1)", "TypeError", "")).toBe(false);
    expect(opensWithHeader("main.go:12", "panic", "")).toBe(false);
    expect(opensWithHeader("Traceback (most recent call last):", "ValueError", "bad")).toBe(false);
  });
});
