import { ApiError } from "@/lib/http/ApiError";

export interface MultipartPart {
  /** The form field's name (Content-Disposition `name`). */
  name: string;
  /** Set for file fields. */
  filename?: string;
  contentType?: string;
  body: Buffer;
}

/** Generous bounds for untrusted bodies: crash reporters send a file and a few dozen fields. */
const MAX_PARTS = 1000;
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Splits a multipart/form-data body (RFC 7578) into its parts. The boundary comes from the
 * Content-Type header; a body without one, or whose parts are not delimited by it, is a 400 naming
 * what is wrong. Part bodies are views into `body` (no copies).
 */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw ApiError.badRequest("content-type: expected multipart/form-data with a boundary", { field: "header Content-Type" });
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw ApiError.badRequest("body: no multipart part found (boundary never appears)", { field: "body" });
  const parts: MultipartPart[] = [];
  const next = Buffer.from(`\r\n--${boundary}`);
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": the closing delimiter
    // Said so rather than cut silently: the file field after the 1,000th part read as "missing".
    if (parts.length >= MAX_PARTS) throw ApiError.tooLarge(`body: a multipart upload may hold at most ${MAX_PARTS} parts`, { field: "body", limit: MAX_PARTS });
    const lineEnd = body.indexOf("\r\n", pos);
    if (lineEnd < 0) break;
    const headerEnd = body.indexOf("\r\n\r\n", lineEnd);
    if (headerEnd < 0 || headerEnd - lineEnd > MAX_HEADER_BYTES) throw ApiError.badRequest(`body: multipart part ${parts.length} has no end of headers`, { field: "body" });
    const headers = parseHeaders(body.toString("utf8", lineEnd + 2, headerEnd));
    const start = headerEnd + 4;
    let end = body.indexOf(next, start);
    if (end < 0) end = body.length; // no closing delimiter: the part runs to the end (truncated uploads keep what came)
    const disposition = dispositionOf(headers.get("content-disposition"));
    if (disposition?.name !== undefined) {
      parts.push({
        name: disposition.name,
        ...(disposition.filename !== undefined && { filename: disposition.filename }),
        ...(headers.has("content-type") && { contentType: headers.get("content-type") }),
        body: body.subarray(start, end),
      });
    }
    if (end >= body.length) break;
    pos = end + 2;
  }
  return parts;
}

function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** `form-data; name="field"; filename="a.dmp"` (quoted or token values; backslash escapes in quotes). */
function dispositionOf(value: string | undefined): { name?: string; filename?: string } | undefined {
  if (!value) return undefined;
  const params: Record<string, string> = {};
  for (const m of value.matchAll(/;\s*([\w*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3];
  }
  return { name: params.name, filename: params.filename };
}
