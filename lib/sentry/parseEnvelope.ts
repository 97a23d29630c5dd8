import { ApiError } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";

/** More items than any SDK sends in one envelope (they send one event plus a few attachments). */
export const MAX_ENVELOPE_ITEMS = 1000;

export interface EnvelopeItem {
  /** The item header's `type`: "event", "session", "sessions", "client_report", "span", "attachment", ... */
  type: string;
  header: Record<string, unknown>;
  /** The raw payload bytes; JSON items are left for the caller to parse. */
  payload: Buffer;
}

export interface Envelope {
  /** The envelope header (event_id, dsn, sdk, sent_at, trace, ... when the SDK sent them). */
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a Sentry envelope (the body of POST /api/<project>/envelope/, already decompressed).
 *
 * Layout: one line with the JSON envelope header, then per item a JSON item header line followed
 * by the payload. With a `length` in the item header the payload is exactly that many bytes (it may
 * contain newlines or binary data) and is followed by an optional "\n"; without one it runs to the
 * next "\n" or the end of the body. A trailing "\r" is stripped from header lines and from
 * length-less payloads; blank lines where an item header is expected are skipped, so trailing
 * newlines are fine. Item types we don't know are returned like any other: the caller skips them.
 * Every 400 names its `field`: `body` (empty), the header line, or the item's (`items[2].length`).
 */
export function parseEnvelope(body: Buffer): Envelope {
  if (body.length === 0) throw ApiError.badRequest("envelope is empty", { field: "body" });

  let pos = 0;
  /** Reads up to the next newline (exclusive) or the end, moving past the newline. */
  const readLine = (): Buffer => {
    const nl = body.indexOf(NEWLINE, pos);
    const end = nl === -1 ? body.length : nl;
    const line = body.subarray(pos, end);
    pos = nl === -1 ? body.length : nl + 1;
    return stripCarriageReturn(line);
  };

  const headerLine = readLine();
  if (isBlank(headerLine)) throw ApiError.badRequest("envelope header is missing: the first line must be a JSON object", { field: "envelope header" });
  const header = parseJsonObject(headerLine, "envelope header");

  const items: EnvelopeItem[] = [];
  while (pos < body.length) {
    const line = readLine();
    if (isBlank(line)) continue;
    const index = items.length;
    if (index >= MAX_ENVELOPE_ITEMS) {
      throw ApiError.tooLarge(`an envelope may hold at most ${MAX_ENVELOPE_ITEMS} items`, { field: "body", limit: MAX_ENVELOPE_ITEMS });
    }
    const itemHeader = parseJsonObject(line, `item ${index} header`);
    const type = itemHeader.type;
    if (typeof type !== "string" || type.trim() === "") {
      throw ApiError.badRequest(`item ${index} header has no "type" string`, { field: `items[${index}].type` });
    }

    let payload: Buffer;
    const length = itemHeader.length;
    if (length === undefined || length === null) {
      payload = readLine();
    } else {
      if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
        // String(): JSON.stringify shows a length of 1e400 (Infinity) as "null".
        throw ApiError.badRequest(`item ${index} (${type}) has an invalid length ${typeof length === "number" ? String(length) : JSON.stringify(length)}: expected a non-negative integer`, { field: `items[${index}].length` });
      }
      const remaining = body.length - pos;
      if (length > remaining) {
        throw ApiError.badRequest(`item ${index} (${type}) declares length ${length} but only ${remaining} bytes follow its header`, { field: `items[${index}].length` });
      }
      payload = body.subarray(pos, pos + length);
      pos += length;
      // The payload ends exactly at `length`; what follows must be a line break or the end of the body.
      if (body[pos] === NEWLINE) pos += 1;
      else if (body[pos] === CARRIAGE_RETURN && body[pos + 1] === NEWLINE) pos += 2;
      else if (pos < body.length) {
        throw ApiError.badRequest(`item ${index} (${type}): expected a newline after its ${length}-byte payload (its length is shorter than the payload)`, { field: `items[${index}].length` });
      }
    }
    items.push({ type, header: itemHeader, payload });
  }
  return { header, items };
}

function stripCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}

function isBlank(line: Buffer): boolean {
  for (const byte of line) {
    if (byte !== 0x20 && byte !== 0x09) return false;
  }
  return true;
}

/**
 * The longest header line read, as the JSON items of an envelope (unpackEnvelope.ts): headers are a
 * few hundred bytes (event id, dsn, sdk, sent_at, trace; an item's type, length, filename), and a
 * 20 MiB line of tiny or nested values would hold the instance for seconds in JSON.parse.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

function parseJsonObject(line: Buffer, what: string): Record<string, unknown> {
  if (line.length > MAX_HEADER_BYTES) throw ApiError.tooLarge(`${what}: a header line may be at most ${MAX_HEADER_BYTES} bytes`, { field: what, limit: MAX_HEADER_BYTES });
  const value = parseJsonBytes(line, what);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw ApiError.badRequest(`${what} must be a JSON object`, { field: what });
  }
  return value as Record<string, unknown>;
}
