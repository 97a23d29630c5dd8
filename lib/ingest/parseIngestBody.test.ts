import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { parseIngestBody } from "@/lib/ingest/parseIngestBody";

const refusal = (body: string) => {
  try {
    parseIngestBody(Buffer.from(body));
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error("accepted");
};

describe("parseIngestBody of batches over 1 MiB", () => {
  it("refuses an event nested deeper than the stack with 413 naming it, not a RangeError (500)", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(refusal(`[{"type":"E"},${deep}]`)).toEqual({ status: 413, message: "events[1] exceeds 1048576 bytes" });
    expect(refusal(`[{"type":"E","context":{"a":${deep}}}]`)).toEqual({ status: 413, message: "events[0] exceeds 1048576 bytes" });
  });

  it("measures events by their UTF-8 bytes", () => {
    const nearly = "é".repeat(524_280); // 1,048,560 bytes as UTF-8, half as many characters
    expect(refusal(JSON.stringify([{ type: "E", message: "x", context: { a: nearly } }, { type: "F" }]))).toEqual({ status: 413, message: "events[0] exceeds 1048576 bytes" });
    const fits = JSON.stringify([{ type: "E", context: { a: "x".repeat(1_000_000) } }, { type: "F", context: { a: "y".repeat(200_000) } }]);
    expect(parseIngestBody(Buffer.from(fits)).valid).toHaveLength(2);
  });
});
