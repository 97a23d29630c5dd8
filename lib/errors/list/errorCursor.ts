import { ERROR_SORTS, type ErrorSort, type SortOrder } from "@/lib/domain/errorSort";
import { SEVERITIES, type Severity } from "@/lib/domain/severity";
import { isStorableInstant } from "@/lib/domain/storableInstant";
import type { ErrorListPosition } from "@/lib/errors/list/errorListOrder";
import { ApiError } from "@/lib/http/ApiError";

const VERSION = "1";
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INTEGER = /^(?:0|-?[1-9]\d{0,9})$/;

/**
 * The issue list's cursor: the position after which the next page starts — the last issue's sort
 * key value and id — with the sort and order it belongs to. Opaque to clients (base64url of
 * `1|sort|order|value|id`); it names a position, not a row, so it stays valid when that issue
 * changes or is deleted.
 */
export function encodeErrorCursor(order: SortOrder, at: ErrorListPosition): string {
  return Buffer.from([VERSION, at.sort, order, valueText(at), at.id].join("|")).toString("base64url");
}

/**
 * The position a cursor from a previous page names, for a request sorted by `sort` and `order`.
 * Anything else — not one of these cursors, altered, or made for another sort or order — is a 422
 * naming `cursor`.
 */
export function decodeErrorCursor(cursor: string, expected: { sort: ErrorSort; order: SortOrder }): ErrorListPosition {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("latin1") : "";
  // One spelling per cursor: base64url that decodes to the same bytes another way is not one of ours.
  const parts = Buffer.from(text, "latin1").toString("base64url") === cursor ? text.split("|") : [];
  const [version, sort, order, value, id] = parts;
  const position = parts.length === 5 && version === VERSION && UUID.test(id) ? positionFrom(sort, value, id) : null;
  if (!position || (order !== "asc" && order !== "desc")) throw invalid("not a cursor from a previous page of this list");
  if (position.sort !== expected.sort || order !== expected.order) {
    throw invalid(`made for sort=${position.sort}&order=${order}: send the sort and order of the page it came from`);
  }
  return position;
}

function positionFrom(sort: string, value: string, id: string): ErrorListPosition | null {
  if (!(ERROR_SORTS as readonly string[]).includes(sort)) return null;
  switch (sort as ErrorSort) {
    case "lastSeen":
    case "firstSeen": {
      const at = ISO_MS.test(value) ? new Date(value) : null;
      // A time PostgreSQL cannot hold (year 0000) would reach the query as a 500; 2026-02-30 is no time.
      if (!at || !isStorableInstant(at.getTime()) || at.toISOString() !== value) return null;
      return { sort: sort as "lastSeen" | "firstSeen", value: at, id };
    }
    case "occurrences":
    case "users": {
      const n = INTEGER.test(value) ? Number(value) : NaN;
      // The columns are 4-byte integers: a larger bound would reach the query as a 500.
      if (!Number.isSafeInteger(n) || n < INT4_MIN || n > INT4_MAX) return null;
      return { sort: sort as "occurrences" | "users", value: n, id };
    }
    case "severity":
      return (SEVERITIES as readonly string[]).includes(value) ? { sort: "severity", value: value as Severity, id } : null;
  }
}

function valueText(at: ErrorListPosition): string {
  return at.value instanceof Date ? at.value.toISOString() : String(at.value);
}

function invalid(message: string) {
  return ApiError.validation(`invalid cursor: ${message}`, [{ path: "cursor", message }]);
}
