import { z } from "zod";
import type { IngestEvent } from "@/lib/ingest/eventSchema";
import { FILTERED, PAIR_KEY } from "@/lib/ingest/scrub";
import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * A project's additional sensitive fields (Sentry's "additional sensitive fields"): names of data
 * only this application knows to be private (`iban`, `ssn`, `x-tenant-secret`, `diagnosis`). On top
 * of the built-in scrubbing (passwords, tokens, keys, cards…), every value an event carries under a
 * key that contains one of them — ignoring case, `-`, `_` and `.` — is replaced by "[Filtered]"
 * before anything is grouped or stored: tags, context, metadata (request data, headers, cookies…),
 * frame variables; and `name=value` / `"name": "value"` pairs in the message and traces. What
 * people write (user feedback) and text attachments are redacted too before they are stored
 * (lib/intake/storeNonEventItems.ts).
 */
export const SensitiveFieldsSchema = z
  .array(z.string().trim().regex(/^[A-Za-z0-9_.-]{3,64}$/, "3-64 characters of A-Z a-z 0-9 _ . -"))
  .max(50)
  .transform((fields) => [...new Set(fields)]);

export interface SensitiveFields {
  /** True when a value under this key is hidden. */
  matchesKey(key: string): boolean;
  /** `text` with the values of `name=value` and `"name": "value"` pairs of these fields hidden. */
  redactText(text: string): string;
}

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");
/** Deeper than this a value is cut ("[Truncated]") rather than read on: never kept unredacted. */
const MAX_DEPTH = 40;
const TRUNCATED = "[Truncated]";

/**
 * The name and separator of a `name=value` / `name: value` / `"name": "value"` pair in free text,
 * `name => value` too (Ruby's `{"name"=>"value"}`, PHP's `'name' => 'value'` and print_r's
 * `[name] => value`, Perl), and a full-width colon or equals sign.
 * Linear in the text's length like the built-in token patterns (lib/ingest/scrub.ts): the
 * lookbehind lets a match begin only where a run of name characters begins, the
 * lookahead-and-backreference takes that whole run at once (an atomic group: the engine never
 * retries shorter names), and the separator's whitespace is followed by a character class it
 * cannot match, so a failed try gives back at most that whitespace, once per run. Whether the name
 * holds a sensitive field is decided on the matched name, not by the pattern; only then is the
 * value (PAIR_VALUE) read, so a value is scanned at most once.
 */
const PAIR_NAME = /(?<![A-Za-z0-9_.-])(?=([A-Za-z0-9_.-]+))\1["'\]]?\s*(?:=>|[=:\uFF1A\uFF1D])\s*["']?/g;
const PAIR_VALUE = /[^\s"'&,;}\]]+/y;

/** The matcher of a project's list; null for an empty one (nothing to do). */
export function compileSensitiveFields(fields: readonly string[]): SensitiveFields | null {
  const names = fields.map(normalise).filter((f) => f.length > 0);
  if (names.length === 0) return null;
  const matchesKey = (key: string) => {
    const k = normalise(key);
    return names.some((f) => k.includes(f));
  };
  return { matchesKey, redactText: (text) => (text.length === 0 ? text : redactPairs(text, matchesKey)) };
}

/** `text` with the value of each pair whose name `isSensitive` says holds a field replaced by FILTERED. */
function redactPairs(text: string, isSensitive: (name: string) => boolean): string {
  const name = new RegExp(PAIR_NAME);
  const value = new RegExp(PAIR_VALUE);
  let out = "";
  let copied = 0;
  for (let match = name.exec(text); match !== null; match = name.exec(text)) {
    // A value the built-in scrubbing hid already stays "[Filtered]" (not "[Filtered]]").
    if (!isSensitive(match[1]) || text.startsWith(FILTERED, name.lastIndex)) continue;
    value.lastIndex = name.lastIndex;
    if (!value.test(text)) continue;
    out += text.slice(copied, name.lastIndex) + FILTERED;
    copied = value.lastIndex;
    name.lastIndex = value.lastIndex;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `event` with the project's sensitive fields hidden (see SensitiveFieldsSchema); the input is not changed. */
export function redactSensitiveFields(event: IngestEvent, fields: SensitiveFields): IngestEvent {
  const text = (s: string | undefined) => (s === undefined ? s : fields.redactText(s));
  const stack = (s: string | Frame[] | undefined) => (typeof s === "string" ? fields.redactText(s) : s && (redactValue(s, fields, 0) as Frame[]));
  return {
    ...event,
    message: fields.redactText(event.message),
    messageTemplate: text(event.messageTemplate),
    stackTrace: stack(event.stackTrace),
    exceptions: event.exceptions?.map((e) => ({ ...e, message: fields.redactText(e.message), stackTrace: stack(e.stackTrace) })),
    tags: event.tags && (redactValue(event.tags, fields, 0) as IngestEvent["tags"]),
    context: event.context && (redactValue(event.context, fields, 0) as IngestEvent["context"]),
    metadata: event.metadata && (redactValue(event.metadata, fields, 0) as IngestEvent["metadata"]),
  };
}

function redactValue(value: unknown, fields: SensitiveFields, depth: number): unknown {
  if (typeof value === "string") return fields.redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return TRUNCATED;
  if (Array.isArray(value)) {
    // A [name, value] pair (headers and cookies as SDKs send lists of them) when the first is a
    // name; ["iban=DE89…", "x"] is two strings, each redacted as text.
    if (value.length === 2 && typeof value[0] === "string" && PAIR_KEY.test(value[0]) && fields.matchesKey(value[0]) && value[1] !== null && value[1] !== "") return [fields.redactText(value[0]), FILTERED];
    return value.map((v) => redactValue(v, fields, depth + 1));
  }
  // fromEntries defines each key as an own property, "__proto__" included.
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, fields.matchesKey(key) && v !== null && v !== "" ? FILTERED : redactValue(v, fields, depth + 1)]));
}
