import zlib from "node:zlib";
import { ApiError } from "@/lib/http/ApiError";
import { isTooLarge } from "@/lib/http/readBody";

/**
 * The body of the legacy store endpoint as JSON bytes. Current SDKs send JSON (compressed, if at
 * all, under a Content-Encoding that readBody has already undone); the legacy clients compress
 * without saying so: sentry-raven (Ruby) and sentry-php 1.x send base64 of zlib-deflated JSON as
 * `application/octet-stream`, others zlib or gzip bytes without a Content-Encoding. A body that is
 * none of these is returned as is, for the JSON parser to refuse with its usual message.
 * Decompression stops at `maxDecodedBytes` (413), so a bomb costs no more memory than a plain body.
 */
export function decodeLegacyStoreBody(body: Buffer, maxDecodedBytes: number): Buffer {
  const first = firstSignificantByte(body);
  if (first === OPEN_BRACE) return body;
  if (isCompressed(body)) return decompress(body, maxDecodedBytes);
  if (!isBase64Text(body)) return body;
  const text = body.toString("latin1");
  const decoded = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (isCompressed(decoded)) return decompress(decoded, maxDecodedBytes);
  return firstSignificantByte(decoded) === OPEN_BRACE ? decoded : body;
}

const OPEN_BRACE = 0x7b;

function firstSignificantByte(bytes: Buffer): number | undefined {
  for (let i = 0; i < bytes.length && i < 64; i++) {
    const byte = bytes[i];
    // Whitespace and a UTF-8 byte order mark.
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    return byte;
  }
  return undefined;
}

/** Only base64 (standard or URL-safe) characters, padding and line breaks. */
function isBase64Text(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    const alphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (!alphanumeric && byte !== 0x2b && byte !== 0x2f && byte !== 0x2d && byte !== 0x5f && byte !== 0x3d && byte !== 0x0a && byte !== 0x0d && byte !== 0x20) return false;
  }
  return true;
}

/** A zlib stream (CMF/FLG header: deflate, check bits) or a gzip member. */
function isCompressed(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  return (bytes[0] & 0x0f) === 8 && (bytes[0] >> 4) <= 7 && ((bytes[0] << 8) | bytes[1]) % 31 === 0;
}

function decompress(bytes: Buffer, maxDecodedBytes: number): Buffer {
  const options = { maxOutputLength: maxDecodedBytes + 1 };
  let out: Buffer;
  try {
    out = bytes[0] === 0x1f ? zlib.gunzipSync(bytes, options) : zlib.inflateSync(bytes, options);
  } catch (error) {
    if (isTooLarge(error)) {
      throw ApiError.tooLarge(`decoded body exceeds ${maxDecodedBytes} bytes`, { field: "body", limit: maxDecodedBytes });
    }
    throw ApiError.badRequest("body is neither JSON nor zlib/gzip-compressed JSON (base64 or raw)", { field: "body" });
  }
  if (out.length > maxDecodedBytes) throw ApiError.tooLarge(`decoded body exceeds ${maxDecodedBytes} bytes`, { field: "body", limit: maxDecodedBytes });
  return out;
}
