import zlib from "node:zlib";
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

describe("readBody refusals name the body or header at fault", () => {
  const source = (bytes: Buffer, headers: Record<string, string> = {}): BodySource => ({ headers: new Headers(headers), body: (async function* () { yield new Uint8Array(bytes); })() });

  it("413 naming body over the wire limit (declared or not) and once decoded", async () => {
    const big = Buffer.alloc(2000, 0x20);
    for (const req of [source(big), source(big, { "content-length": "2000" }), source(zlib.gzipSync(big), { "content-encoding": "gzip" })]) {
      expect(await readBody(req, LIMITS).catch((e: unknown) => e)).toMatchObject({ status: 413, code: "payload_too_large", details: { field: "body", limit: 1024 } });
    }
  });

  it("415 naming the Content-Encoding header it cannot decode; 400 naming body for bytes that are not what it says", async () => {
    expect(await readBody(source(Buffer.from("{}"), { "content-encoding": "compress" }), LIMITS).catch((e: unknown) => e)).toMatchObject({ status: 415, details: { field: "header Content-Encoding" } });
    expect(await readBody(source(Buffer.from("{}"), { "content-encoding": "gzip" }), LIMITS).catch((e: unknown) => e)).toMatchObject({ status: 400, details: { field: "body" } });
    expect(await readBody(abortedBody(), LIMITS).catch((e: unknown) => e)).toMatchObject({ status: 400, code: "body_incomplete", details: { field: "body" } });
  });
});

describe("readBody of gzip bytes sent without Content-Encoding", () => {
  const source = (body: Buffer, headers: Record<string, string> = {}): BodySource => ({
    headers: new Headers(headers),
    body: (async function* () {
      yield new Uint8Array(body);
    })(),
  });
  const gzipped = zlib.gzipSync('{"type":"E"}');

  it("decodes them when the format cannot start with gzip's magic bytes (undeclaredGzip)", async () => {
    expect((await readBody(source(gzipped), { ...LIMITS, undeclaredGzip: true })).toString()).toBe('{"type":"E"}');
  });

  it("bounds them like a declared gzip body: a bomb stops at the cap (413)", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    await expect(readBody(source(bomb), { maxWireBytes: 1024 * 1024, maxDecodedBytes: 1024 * 1024, undeclaredGzip: true })).rejects.toMatchObject({ status: 413 });
    await expect(readBody(source(gzipped.subarray(0, 12)), { ...LIMITS, undeclaredGzip: true })).rejects.toMatchObject({ status: 400 });
  });

  it("leaves them alone otherwise, and never decodes twice", async () => {
    expect(await readBody(source(gzipped), LIMITS)).toEqual(gzipped);
    const twice = zlib.gzipSync(gzipped);
    expect(await readBody(source(twice, { "content-encoding": "gzip" }), { ...LIMITS, undeclaredGzip: true })).toEqual(gzipped);
  });
});
