import { ApiError, type ValidationIssue } from "@/lib/http/ApiError";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { zodIssues } from "@/lib/http/zodIssues";
import { IngestEventSchema, MAX_BATCH_EVENTS, type IngestEvent } from "@/lib/ingest/eventSchema";
import { boundedJson } from "@/lib/text/boundedJson";
import { scanJsonShape, type JsonShapeLimits, type JsonShapeViolation } from "@/lib/text/jsonShape";

export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_BATCH_BYTES = 10 * 1024 * 1024;

/**
 * What a body over MAX_EVENT_BYTES (a batch: one event may not be larger) may hold, checked on its
 * bytes before it is parsed (lib/text/jsonShape.ts): JSON.parse of a 10 MiB body of tiny values took
 * 0.5–2 s (`[1,1,…]`, `[{},{},…]`) and of one nested 5 million deep 4 s, holding the instance, while a
 * real batch of that size parses in under 0.1 s. The bounds are far above what a real batch reaches
 * — measured on 10 MiB batches of 1,000 events with structured stack traces (Java-sized frames,
 * frames with source context and variables, minimal `{function: "f1", filename: "a.go", lineno,
 * colno, inApp}` frames): nesting 6–7 levels (+1 inside `{"events": […]}`, plus what a client nests in
 * `context`/`metadata`), 0.65 M, 0.76 M and 1.54 M values, 55–145 k arrays and objects — and far below
 * what a hostile body packs into 10 MiB (5 M values, 3.5 M containers, 5 M levels). Passing one is a
 * 413 naming the field (`events[3]` nested too deep, `events` holding too many values): the
 * client (ours halves its batches on 413) can send the batch in parts.
 */
export const BATCH_SHAPE: JsonShapeLimits = { maxDepth: 512, maxValues: 2_000_000, maxContainers: 500_000 };

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
  if (body.length > MAX_EVENT_BYTES) assertBatchShape(body);
  const json = parseJsonBytes(body);
  const { items, isBatch } = unwrap(json);
  if (items.length === 0) throw ApiError.validation("events: must contain at least one event", [{ path: "events", message: "empty batch" }]);
  if (items.length > MAX_BATCH_EVENTS) {
    throw ApiError.tooLarge(`a batch holds at most ${MAX_BATCH_EVENTS} events (got ${items.length})`, { field: "events", limit: MAX_BATCH_EVENTS });
  }
  // A single body under the per-event limit cannot contain an oversized event; only measure otherwise.
  if (body.length > MAX_EVENT_BYTES) {
    if (!isBatch) throw ApiError.tooLarge(`an event may be at most ${MAX_EVENT_BYTES} bytes`, { field: "body", limit: MAX_EVENT_BYTES });
    items.forEach((item, index) => {
      // Measured as JSON cut just past the limit (more characters than the limit means more bytes):
      // JSON.stringify threw on an item nested deeper than the stack — a 500 — and wrote out all of a huge one first.
      const text = boundedJson(item, MAX_EVENT_BYTES + 1) ?? "";
      if (text.length > MAX_EVENT_BYTES || Buffer.byteLength(text) > MAX_EVENT_BYTES) {
        throw ApiError.tooLarge(`events[${index}] exceeds ${MAX_EVENT_BYTES} bytes`, { field: `events[${index}]`, limit: MAX_EVENT_BYTES, index });
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

/** 413 naming the field when a large body could not be a real batch (BATCH_SHAPE). */
function assertBatchShape(body: Buffer): void {
  const violation = scanJsonShape(body, BATCH_SHAPE);
  if (!violation) return;
  const field = shapeField(violation);
  const what = { depth: `nests deeper than ${violation.limit} levels`, values: `holds more than ${violation.limit} JSON values`, containers: `holds more than ${violation.limit} arrays and objects` }[violation.bound];
  throw ApiError.tooLarge(`${field} ${what}: more than any real batch (a body over ${MAX_EVENT_BYTES} bytes is checked before it is parsed); send fewer events per request`, {
    field,
    bound: violation.bound,
    limit: violation.limit,
  });
}

/**
 * The field a violation names: the event (`events[3]`) for nesting too deep, the batch (`events`) for
 * too many values; for a body that is one object, its top-level key.
 */
function shapeField({ bound, path }: JsonShapeViolation): string {
  const [first, second] = path;
  const index = typeof first === "number" ? first : first === "events" && typeof second === "number" ? second : undefined;
  if (bound === "depth" && index !== undefined) return `events[${index}]`;
  if (typeof first === "number" || first === "events") return "events";
  return typeof first === "string" ? first : "(root)";
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
