import { isUtf8 } from "node:buffer";

/**
 * How a text file's bytes are read and written back: UTF-8, UTF-16 of either byte order, or
 * `latin1` — one character per byte, which writes every byte back as it was (Windows-1252,
 * ISO-8859-*, Shift_JIS and other ASCII-compatible charsets read this way keep their ASCII, which
 * is what secrets and card numbers are written in, and every other byte untouched).
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "latin1";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** `text` (or an edit of it) as bytes in the same encoding: the original bytes for the unedited text. */
  encode(text: string): Buffer;
}

const CHARSET_PARAM = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;
/** Bytes looked at for a UTF-16 text without a byte-order mark (ASCII in it is every other byte 0). */
const SNIFF_BYTES = 512;

/**
 * The `charset=` parameter of a Content-Type as written, lower-cased; undefined without one. Looked
 * for only when the header holds "charset": the usual request costs one substring search (request
 * bodies: lib/http/bodyCharset.ts).
 */
export function charsetLabel(contentType: unknown): string | undefined {
  if (typeof contentType !== "string" || !/charset/i.test(contentType)) return undefined;
  const match = CHARSET_PARAM.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? "").trim().toLowerCase();
  return label === "" ? undefined : label;
}

/** The `charset=` parameter of a Content-Type, lower-cased, at most 40 characters; undefined without one. */
export function charsetParameter(contentType: unknown): string | undefined {
  return charsetLabel(contentType)?.slice(0, 40);
}

/**
 * The encoding of a text file: the charset it was declared in (a label of the WHATWG Encoding
 * Standard: `utf-8`, `utf-16le`, `iso-8859-1`…) when its bytes agree — UTF-8 only when they are
 * valid UTF-8, `utf-16` (no byte order) by its byte-order mark, little-endian without one —, else
 * its byte-order mark (UTF-16LE, UTF-16BE; UTF-8 when valid), else UTF-16 without a mark when most
 * of its start is ASCII written as UTF-16 (every other byte 0), else UTF-8 when it is valid UTF-8,
 * else latin1. Another declared charset (ISO-8859-*, Windows-125*, Shift_JIS) is read as latin1.
 * Any bytes are read without loss: `encode(text)` gives them back exactly.
 */
export function textEncodingOf(bytes: Buffer, declaredCharset?: string): TextEncodingName {
  const declared = declaredCharset === undefined ? undefined : canonicalCharset(declaredCharset);
  const bom = byteOrderMark(bytes);
  if (declared === "utf-16le" || declared === "utf-16be") return declaredCharset === "utf-16" && bom?.startsWith("utf-16") ? bom : declared;
  if (declared === "utf-8" && bom !== "utf-16le" && bom !== "utf-16be" && isUtf8(bytes)) return "utf-8";
  if (bom?.startsWith("utf-16")) return bom;
  // Another charset (ISO-8859-*, Windows-125*, Shift_JIS…) is read byte for byte; a UTF-8 mark still wins.
  if (declared !== undefined && declared !== "utf-8" && declared !== "replacement" && bom === undefined) return "latin1";
  if (bom === undefined) {
    const utf16 = bomlessUtf16(bytes);
    if (utf16) return utf16;
  }
  return isUtf8(bytes) ? "utf-8" : "latin1";
}

/** `bytes` as text in `encoding` (textEncodingOf decides which), with the way back. */
export function decodeTextBytes(bytes: Buffer, encoding: TextEncodingName): DecodedText {
  if (encoding === "utf-8") return { text: bytes.toString("utf8"), encoding, encode: (text) => Buffer.from(text, "utf8") };
  if (encoding === "latin1") return { text: bytes.toString("latin1"), encoding, encode: (text) => Buffer.from(text, "latin1") };
  // UTF-16 is read code unit by code unit (a lone surrogate too); an odd last byte is kept as it is.
  const even = bytes.length - (bytes.length % 2);
  const tail = bytes.subarray(even);
  const units = encoding === "utf-16be" ? Buffer.from(bytes.subarray(0, even)).swap16() : bytes.subarray(0, even);
  return {
    text: units.toString("utf16le"),
    encoding,
    encode: (text) => {
      const le = Buffer.from(text, "utf16le");
      return Buffer.concat([encoding === "utf-16be" ? le.swap16() : le, tail]);
    },
  };
}

function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function byteOrderMark(bytes: Buffer): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-16 without a byte-order mark: at least half of the first code units (two or more) have a 0 in one byte, and none in the other. */
function bomlessUtf16(bytes: Buffer): TextEncodingName | undefined {
  const end = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (end < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = Math.max(2, end / 4);
  if (oddZeros >= half && evenZeros === 0) return "utf-16le";
  if (evenZeros >= half && oddZeros === 0) return "utf-16be";
  return undefined;
}
