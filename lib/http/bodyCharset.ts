import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import { charsetLabel } from "@/lib/text/textBytes";

const MAX_SHOWN = 40;

/**
 * The charset a request's Content-Type names for its body, when it is not UTF-8 (undefined for
 * UTF-8 and when none is named — JSON is UTF-8, RFC 8259). Looked for only when the header holds
 * "charset": the usual request costs one substring search.
 */
export function declaredCharset(req: Pick<RequestHead, "headers">): string | undefined {
  const label = charsetLabel(req.headers.get("content-type"));
  if (label === "utf-8" || label === "utf8") return undefined;
  return label;
}

/**
 * A JSON body as UTF-8 bytes, decoded from the charset its Content-Type names (declaredCharset).
 * Decoded rather than refused: a client that says what it sent (`charset=iso-8859-1`, a Windows
 * program's `utf-16` with its byte-order mark, `shift_jis`) loses nothing, and the platform's
 * decoders (the WHATWG Encoding Standard's, through TextDecoder) cost nothing unless a request names
 * one. A charset TextDecoder does not know (`utf-32`, `ebcdic`) is a 415 naming `charset`; bytes
 * invalid in the charset become U+FFFD, as invalid UTF-8 does. `utf-16` without an endianness
 * follows the byte-order mark (little-endian without one, as TextDecoder reads it).
 */
export function utf8Body(req: Pick<RequestHead, "headers">, body: Buffer): Buffer {
  const charset = declaredCharset(req);
  if (charset === undefined) return body;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset === "utf-16" && body[0] === 0xfe && body[1] === 0xff ? "utf-16be" : charset);
  } catch {
    throw new ApiError(415, "unsupported_media_type", `charset "${charset.slice(0, MAX_SHOWN)}" is not supported: send UTF-8, or name a charset of the WHATWG Encoding Standard`, {
      field: "charset",
    });
  }
  if (decoder.encoding === "utf-8") return body;
  return Buffer.from(decoder.decode(body), "utf8");
}
