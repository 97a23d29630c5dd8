import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { BATCH_SHAPE, parseIngestBody } from "@/lib/ingest/parseIngestBody";
import { scanJsonShape } from "@/lib/text/jsonShape";

const refusal = (body: string) => {
  try {
    parseIngestBody(Buffer.from(body));
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message, ...error.details };
    throw error;
  }
  throw new Error("accepted");
};

const MIB = 1024 * 1024;
/** 1,000 events with `frames` structured frames each, as a real client sends them. */
const realBatch = (frames: number, frame: (i: number) => object) =>
  JSON.stringify(
    Array.from({ length: 1000 }, (_, i) => ({
      eventId: `evt-${i}`,
      type: "CheckoutError",
      message: `order ${i} failed`,
      release: "shop@1.4.2",
      tags: { region: "eu-west-1", browser: "Chrome 120" },
      context: { request: { url: "https://shop.example/checkout", method: "POST" }, cart: { items: 3, total: 99.5 } },
      exceptions: [{ type: "CheckoutError", message: "order failed", stackTrace: Array.from({ length: frames }, (_, k) => frame(k)) }],
    })),
  );

describe("parseIngestBody of batches over 1 MiB", () => {
  it("refuses an event nested deeper than the stack with 413 naming it, not a RangeError (500)", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(refusal(`[{"type":"E"},${deep}]`)).toMatchObject({ status: 413, field: "events[1]", bound: "depth", limit: 512 });
    expect(refusal(`[{"type":"E","context":{"a":${deep}}}]`)).toMatchObject({ status: 413, field: "events[0]", bound: "depth" });
    expect(refusal(`{"events":[{"type":"E"},{"type":"F"},${deep}]}`)).toMatchObject({ status: 413, field: "events[2]", bound: "depth" });
    expect(refusal(`{"type":"E","context":${deep}}`)).toMatchObject({ status: 413, field: "context", bound: "depth" });
  });

  it("refuses a body of tiny values before parsing it (413 naming events): 10 MiB of them held the instance for seconds", () => {
    const ones = refusal(`[${"1,".repeat(5 * MIB - 1)}1]`);
    expect(ones).toMatchObject({ status: 413, field: "events", bound: "values", limit: 2_000_000 });
    expect(ones.message).toMatch(/^events holds more than 2000000 JSON values/);
    expect(refusal(`[${"{},".repeat(3 * MIB)}{}]`)).toMatchObject({ status: 413, field: "events", bound: "containers", limit: 500_000 });
    expect(refusal(`{"events":[${"[],".repeat(3 * MIB)}[]]}`)).toMatchObject({ status: 413, field: "events", bound: "containers" });
  });

  it("lets every real 10 MiB batch through the shape check, structured traces included", () => {
    const java = (i: number) => ({ function: `com.acme.shop.CheckoutService.placeOrder${i}`, module: "com.acme.shop", filename: `src/main/java/com/acme/shop/CheckoutService${i % 7}.java`, lineno: 100 + i, colno: 12, inApp: i % 3 === 0 });
    const minimal = (i: number) => ({ function: `f${i}`, filename: "a.go", lineno: i, colno: 1, inApp: true });
    for (const [frames, frame] of [[55, java], [140, minimal]] as const) {
      const body = Buffer.from(realBatch(frames, frame));
      expect(body.length).toBeGreaterThan(9.5 * MIB);
      expect(body.length).toBeLessThanOrEqual(10 * MIB);
      expect(scanJsonShape(body, BATCH_SHAPE)).toBeNull();
    }
  });

  it("does not check small bodies: one event, or a batch up to 1 MiB, is parsed as before", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(parseIngestBody(Buffer.from(`[{"type":"E","context":{"a":${deep}}}]`)).valid).toHaveLength(1);
  });

  it("measures events by their UTF-8 bytes", () => {
    const nearly = "é".repeat(524_280); // 1,048,560 bytes as UTF-8, half as many characters
    expect(refusal(JSON.stringify([{ type: "E", message: "x", context: { a: nearly } }, { type: "F" }]))).toMatchObject({ status: 413, message: "events[0] exceeds 1048576 bytes" });
    const fits = JSON.stringify([{ type: "E", context: { a: "x".repeat(1_000_000) } }, { type: "F", context: { a: "y".repeat(200_000) } }]);
    expect(parseIngestBody(Buffer.from(fits)).valid).toHaveLength(2);
  });
});
