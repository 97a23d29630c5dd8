import { isStorableInstant } from "@/lib/domain/storableInstant";
import { ApiError } from "@/lib/http/ApiError";

/** Position after which the next page of events starts (newest first): the last row's time and id. */
export interface EventCursor {
  occurredAt: Date;
  id: string;
}

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`).toString("base64url");
}

/** An opaque cursor from a previous page; anything else is a 422 naming `cursor`. */
export function decodeEventCursor(value: string): EventCursor {
  const text = Buffer.from(value, "base64url").toString("utf8");
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(text);
  const at = match ? new Date(match[1]) : null;
  // A time PostgreSQL cannot hold (year 0000) would reach the query as a 500.
  if (!match || !at || !isStorableInstant(at.getTime())) {
    throw ApiError.validation("invalid cursor", [{ path: "cursor", message: "not a cursor from a previous page" }]);
  }
  return { occurredAt: at, id: match[2] };
}
