import { ApiError, type ValidationIssue } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema, MAX_BATCH_EVENTS, type IngestEvent } from "@/lib/ingest/eventSchema";
import { boundedJson } from "@/lib/text/boundedJson";

export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;

export interface RejectedEvent {
  index: number;
  issues: ValidationIssue[];
}

export interface ParsedIngestBody {
  isBatch: boolean;
  valid: { index: number; event: IngestEvent }[];
  rejected: RejectedEvent[];
}

/**
 * Parses POST /api/v1/events: one event object, an array of events, or `{ "events": [...] }`.
 * Batch rule: each event is validated on its own; valid ones are stored, invalid ones are reported by
 * index. Only when no event is valid is the whole request refused (422) and nothing written.
 */
export function parseIngestBody(body: Buffer): ParsedIngestBody {
  const json = parseJsonBytes(body);
  const { items, isBatch } = unwrap(json);
  if (items.length === 0) throw ApiError.validation("events: must contain at least one event", [{ path: "events", message: "empty batch" }]);
  if (items.length > MAX_BATCH_EVENTS) {
    throw ApiError.tooLarge(`a batch holds at most ${MAX_BATCH_EVENTS} events (got ${items.length})`, { limit: MAX_BATCH_EVENTS });
  }
  // A single body under the per-event limit cannot contain an oversized event; only measure otherwise.
  if (body.length > MAX_EVENT_BYTES) {
    if (!isBatch) throw ApiError.tooLarge(`an event may be at most ${MAX_EVENT_BYTES} bytes`, { limit: MAX_EVENT_BYTES });
    items.forEach((item, index) => {
      // Measured as JSON cut just past the limit (more characters than the limit means more bytes):
      // JSON.stringify threw on an item nested deeper than the stack — a 500 — and wrote out all of a huge one first.
      const text = boundedJson(item, MAX_EVENT_BYTES + 1) ?? "";
      if (text.length > MAX_EVENT_BYTES || Buffer.byteLength(text) > MAX_EVENT_BYTES) {
        throw ApiError.tooLarge(`events[${index}] exceeds ${MAX_EVENT_BYTES} bytes`, { limit: MAX_EVENT_BYTES, index });
      }
    });
  }

  const valid: ParsedIngestBody["valid"] = [];
  const rejected: RejectedEvent[] = [];
  items.forEach((item, index) => {
    const result = IngestEventSchema.safeParse(item);
    if (result.success) valid.push({ index, event: result.data });
    else rejected.push({ index, issues: zodIssues(result.error, isBatch ? `events[${index}]` : "") });
  });
  if (valid.length === 0) {
    const issues = rejected.flatMap((r) => r.issues);
    throw ApiError.validation(`invalid ${issues[0]?.path}: ${issues[0]?.message}`, issues);
  }
  return { isBatch, valid, rejected };
}

function unwrap(json: unknown): { items: unknown[]; isBatch: boolean } {
  if (Array.isArray(json)) return { items: json, isBatch: true };
  if (json && typeof json === "object" && "events" in json) {
    const events = (json as { events: unknown }).events;
    if (!Array.isArray(events)) {
      throw ApiError.validation("events: must be an array", [{ path: "events", message: "must be an array" }]);
    }
    return { items: events, isBatch: true };
  }
  if (json && typeof json === "object") return { items: [json], isBatch: false };
  throw ApiError.validation("body must be an event object or an array of events", [{ path: "(root)", message: "expected object or array" }]);
}
