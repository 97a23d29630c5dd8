import { promisify } from "node:util";
import zlib from "node:zlib";
import { ApiError } from "@/lib/http/ApiError";
import { bodySourceOf, type BodySource } from "@/lib/http/requestHead";

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export interface ReadBodyOptions {
  /** Largest body accepted on the wire, in bytes. */
  maxWireBytes: number;
  /** Largest body accepted after Content-Encoding is decoded, in bytes. */
  maxDecodedBytes: number;
  /**
   * Decode a gzip body sent without Content-Encoding (its magic bytes 1f 8b; a proxy dropped the
   * header, a hand-rolled client forgot it), bounded like a declared one. Only for formats whose
   * bodies never start with those bytes (JSON, Sentry envelopes): one byte compared per request.
   */
  undeclaredGzip?: boolean;
}

/**
 * Reads a request body chunk by chunk, refusing (413) as soon as the limit is passed, so a huge or
 * endless (chunked) body is never buffered whole. Compressed bodies are decoded with a cap on the
 * output size: zlib stops at the cap, so a gzip bomb costs at most `maxDecodedBytes` of memory.
 */
export async function readBody(req: Request | BodySource, options: ReadBodyOptions): Promise<Buffer> {
  const source = req instanceof Request ? bodySourceOf(req) : req;
  return readBodySource(source, options);
}

async function readBodySource(req: BodySource, options: ReadBodyOptions): Promise<Buffer> {
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (!["identity", "", "gzip", "x-gzip", "deflate", "br"].includes(encoding)) {
    throw ApiError.unsupportedMediaType(`unsupported Content-Encoding "${encoding.slice(0, 40)}": use gzip, deflate, br or none`, "header Content-Encoding");
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxWireBytes) {
    // Discard (not buffer) a moderately oversized body so the client, still uploading, reliably
    // reads the 413 instead of a reset connection; far larger ones are cut off at once.
    if (declared <= DRAIN_FACTOR * options.maxWireBytes) await discard(req);
    throw ApiError.tooLarge(`body exceeds ${options.maxWireBytes} bytes`, { field: "body", limit: options.maxWireBytes });
  }
  const raw = await readLimited(req, options.maxWireBytes);
  const undeclared = options.undeclaredGzip && (encoding === "identity" || encoding === "") && raw[0] === GZIP_MAGIC[0] && raw[1] === GZIP_MAGIC[1];
  const decoded = await decode(raw, undeclared ? "gzip" : encoding, options.maxDecodedBytes);
  if (decoded.length > options.maxDecodedBytes) {
    throw ApiError.tooLarge(`decoded body exceeds ${options.maxDecodedBytes} bytes`, { field: "body", limit: options.maxDecodedBytes });
  }
  return decoded;
}

const DRAIN_FACTOR = 4;
const GZIP_MAGIC = [0x1f, 0x8b];

async function discard(req: BodySource): Promise<void> {
  if (!req.body) return;
  const iterator = req.body[Symbol.asyncIterator]();
  try {
    while (!(await iterator.next()).done);
  } catch {
    // the client went away: nothing to answer
  }
}

async function readLimited(req: BodySource, limit: number): Promise<Buffer> {
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const iterator = req.body[Symbol.asyncIterator]();
  for (;;) {
    const { done, value } = await iterator.next().catch(() => {
      throw bodyIncomplete();
    });
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Chunked bodies have no declared length: drain a bounded amount more for the same reason.
      if (total <= DRAIN_FACTOR * limit) {
        for (;;) {
          const next = await iterator.next().catch(() => ({ done: true as const, value: undefined }));
          if (next.done) break;
          total += next.value.byteLength;
          if (total > DRAIN_FACTOR * limit) break;
        }
      }
      await iterator.return?.().catch(() => undefined);
      throw ApiError.tooLarge(`body exceeds ${limit} bytes`, { field: "body", limit });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The body stream failed before its end: the client closed the connection mid-upload (node:http's
 * "aborted", ECONNRESET) or sent a broken chunked encoding. A 400 of the request, not an error of
 * the server: left as it was, its ECONNRESET code read as "the database is unreachable" — a 503,
 * a warning and a self-report of an outage for every client that went away.
 */
function bodyIncomplete(): ApiError {
  // Without the cause: isDatabaseUnavailable follows causes.
  return new ApiError(400, "body_incomplete", "the request body ended before it was complete (the connection was closed)", { field: "body" });
}

async function decode(raw: Buffer, encoding: string, limit: number): Promise<Buffer> {
  const opts = { maxOutputLength: limit + 1 };
  try {
    switch (encoding) {
      case "gzip":
      case "x-gzip":
        return await gunzip(raw, opts);
      case "deflate":
        // RFC says zlib-wrapped; some clients send raw deflate. Accept both.
        return await inflate(raw, opts).catch((error: unknown) => {
          if (isTooLarge(error)) throw error;
          return inflateRaw(raw, opts);
        });
      case "br":
        return await brotli(raw, opts);
      default:
        return raw;
    }
  } catch (error) {
    if (isTooLarge(error)) {
      throw ApiError.tooLarge(`decoded body exceeds ${limit} bytes`, { field: "body", limit });
    }
    throw ApiError.badRequest(`body is not valid ${encoding} data`, { field: "body" });
  }
}

/** True when a zlib decoder stopped at its `maxOutputLength` (a bomb, or just too big). */
export function isTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: string })?.code === "ERR_BUFFER_TOO_LARGE";
}
