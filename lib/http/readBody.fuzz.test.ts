import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, fuzzTimeout, hasUnstorableDeep, isDocumentedOutcome, thrownAsync } from "@/lib/fuzz/fuzzSettings";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { readBody } from "@/lib/http/readBody";

const LIMITS = { maxWireBytes: 4096, maxDecodedBytes: 8192 };

const encoded = fc.tuple(fc.uint8Array({ maxLength: 6000 }), fc.constantFrom("identity", "gzip", "deflate", "br", "x-gzip", "compress", "GZIP", "", "gzip, br"), fc.boolean(), fc.nat(20))
  .map(([raw, encoding, compress, cut]) => {
    const data = Buffer.from(raw);
    let body: Buffer = data;
    if (compress && encoding.toLowerCase().includes("gzip")) body = zlib.gzipSync(data);
    if (compress && encoding === "deflate") body = zlib.deflateSync(data);
    if (compress && encoding === "br") body = zlib.brotliCompressSync(data);
    if (cut > 15) body = body.subarray(0, Math.max(0, body.length - cut)); // truncated stream
    return { body, encoding };
  });

describe("readBody only ever answers with bytes or a documented 4xx (fuzz)", () => {
  it("any body, any Content-Encoding, compressed or not, truncated or not", async () => {
    await fc.assert(
      fc.asyncProperty(encoded, async ({ body, encoding }) => {
        const req = new Request("http://x/api", { method: "POST", headers: { "content-encoding": encoding }, body: new Uint8Array(body) });
        const error = await thrownAsync(async () => {
          const bytes = await readBody(req, LIMITS);
          expect(bytes.length).toBeLessThanOrEqual(LIMITS.maxDecodedBytes);
        });
        expect(isDocumentedOutcome(error), String(error)).toBe(true);
      }),
      fuzzParams(200),
    );
  }, fuzzTimeout(200));
});

describe("parseJsonBytes decodes any bytes to storable JSON or a 400 (fuzz)", () => {
  it("arbitrary bytes and JSON with hostile escapes", () => {
    const escapes = fc.array(fc.constantFrom("\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00", "a", "\u0000", "\\n", "\uFEFF"), { maxLength: 12 }).map((p) => `{"m":"${p.join("")}","${p.join("")}":1}`);
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)), escapes.map((t) => Buffer.from(t))), (bytes) => {
        let value: unknown;
        const error = (() => {
          try {
            value = parseJsonBytes(bytes);
            return undefined;
          } catch (e) {
            return e;
          }
        })();
        expect(isDocumentedOutcome(error)).toBe(true);
        if (error === undefined) expect(hasUnstorableDeep(value)).toBe(false);
      }),
      fuzzParams(),
    );
  }, fuzzTimeout());
});
