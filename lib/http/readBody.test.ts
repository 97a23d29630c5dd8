import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { errorPayload } from "@/lib/http/errorPayload";
import { readBody } from "@/lib/http/readBody";
import type { BodySource } from "@/lib/http/requestHead";

const LIMITS = { maxWireBytes: 1024, maxDecodedBytes: 1024 };

/** A body whose connection is reset after the first chunk, as node:http reports a client that went away. */
function abortedBody(): BodySource {
  return {
    headers: new Headers({ "content-length": "500" }),
    body: {
      async *[Symbol.asyncIterator]() {
        yield new TextEncoder().encode('{"type":');
        throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      },
    },
  };
}

describe("readBody of a body the client did not finish", () => {
  it("is a 400 of the request, not a database outage", async () => {
    const error = await readBody(abortedBody(), LIMITS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "body_incomplete" });
    const payload = errorPayload(error);
    expect(payload.status).toBe(400);
    expect(payload.body.error.message).toMatch(/body ended before it was complete/);
  });

  it("still reads a complete body", async () => {
    const req: BodySource = { headers: new Headers(), body: (async function* () { yield new TextEncoder().encode("{}"); })() };
    expect((await readBody(req, LIMITS)).toString()).toBe("{}");
  });
});
