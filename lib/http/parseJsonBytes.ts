import { ApiError } from "@/lib/http/ApiError";
import { replaceUnstorable } from "@/lib/text/replaceUnstorable";

const BYTE_ORDER_MARK = "\uFEFF";
// JSON escapes that may produce a NUL or a surrogate: only then is the parsed value walked.
const RISKY_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
// Raw control characters other than tab, LF, CR: invalid inside JSON strings, yet some hand-rolled
// encoders emit them. Replaced (U+FFFD) before a second attempt rather than refusing the event.
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/**
 * Decodes request bytes as JSON, the one way every endpoint does it: UTF-8 with invalid sequences
 * replaced by U+FFFD (never an error), a leading byte-order mark ignored, raw control characters
 * replaced, and NUL / unpaired surrogates in the parsed strings replaced (see replaceUnstorable).
 * Anything still not JSON is a 400 naming `what` (in the message and as `field`).
 */
export function parseJsonBytes(bytes: Buffer | Uint8Array, what = "body"): unknown {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    RAW_CONTROL.lastIndex = 0;
    if (!RAW_CONTROL.test(text)) throw ApiError.badRequest(`${what} is not valid JSON`, { field: what });
    try {
      value = JSON.parse(text.replace(RAW_CONTROL, "\uFFFD"));
    } catch {
      throw ApiError.badRequest(`${what} is not valid JSON`, { field: what });
    }
    return replaceUnstorable(value);
  }
  return RISKY_ESCAPE.test(text) ? replaceUnstorable(value) : value;
}
