import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";

const R = "\uFFFD";

describe("parseJsonBytes", () => {
  it("decodes invalid UTF-8 with replacement characters", () => {
    const bytes = Buffer.concat([Buffer.from('{"m":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')]);
    expect(parseJsonBytes(bytes)).toEqual({ m: `a${R}${R}b` });
    // CESU-8 encoded surrogate (ED A0 80): invalid UTF-8, replaced rather than stored.
    expect((parseJsonBytes(Buffer.concat([Buffer.from('"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"')])) as string).includes("\uD800")).toBe(false);
  });

  it("replaces NUL and lone surrogates from escapes, keeps escaped pairs", () => {
    expect(parseJsonBytes(Buffer.from('{"m":"a\\u0000b","t":"\\ud800","e":"\\ud83d\\ude00"}'))).toEqual({ m: `a${R}b`, t: R, e: "😀" });
  });

  it("accepts a byte-order mark and raw control characters inside strings", () => {
    expect(parseJsonBytes(Buffer.from('\uFEFF{"a":1}'))).toEqual({ a: 1 });
    expect(parseJsonBytes(Buffer.from('{"m":"x\u0000y\u0001"}'))).toEqual({ m: `x${R}y${R}` });
  });

  it("answers 400 naming what was not JSON", () => {
    for (const text of ["", "{", "nul", "{\u0000}", "[1,]"]) {
      try {
        parseJsonBytes(Buffer.from(text), "envelope item 2");
        expect.unreachable(text);
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).status).toBe(400);
        expect((error as ApiError).message).toBe("envelope item 2 is not valid JSON");
        expect((error as ApiError).details).toEqual({ field: "envelope item 2" });
      }
    }
  });

  it("names the body as the field by default (a request body: the dashboard API, native events)", () => {
    expect(() => parseJsonBytes(Buffer.from('{"name": '))).toThrow(expect.objectContaining({ status: 400, code: "bad_request", message: "body is not valid JSON", details: { field: "body" } }));
  });
});
