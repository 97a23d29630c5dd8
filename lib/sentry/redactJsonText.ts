import { FILTERED } from "@/lib/ingest/scrub";
import type { SensitiveFields } from "@/lib/ingest/sensitiveFields";
import { jsonValueSpans, type JsonValueSpan } from "@/lib/text/jsonSpans";

interface Replacement {
  start: number;
  end: number;
  text: string;
}

const HIDDEN = JSON.stringify(FILTERED);

/**
 * The JSON document `text` with a project's sensitive fields hidden the way an event's context is
 * (lib/ingest/sensitiveFields.ts): the value under each key that holds a field, whatever it is
 * (object, array, string, number, true/false), becomes "[Filtered]" — but not null or "", which
 * hide nothing; so does the second element of a [name, value] pair whose name holds one (headers
 * and cookies as SDKs send them); and in every other string the `name=value` / `"name": "value"`
 * pairs are hidden (the string written again, JSON-escaped, only when that changed it). Only those
 * values' text is replaced: everything else stays as sent, byte for byte — numbers past double
 * precision, duplicate keys (each one hidden), spacing, key order, escapes. At any depth, in time
 * linear in the text's length. Undefined when `text` is not one JSON document.
 */
export function redactJsonText(text: string, fields: SensitiveFields): string | undefined {
  // Non-overlapping and in text order: a value ends after the values it holds, and a hidden one
  // drops what was replaced inside it.
  const replacements: Replacement[] = [];
  const replace = (dropFrom: number, start: number, end: number, by: string) => {
    while (replacements.length > 0 && replacements[replacements.length - 1].start >= dropFrom) replacements.pop();
    replacements.push({ start, end, text: by });
  };
  // Open arrays (by where they begin) whose first element is a string naming a field: where that
  // string begins, and the second element, hidden (the name kept as sent) if the array ends there.
  const pairNames = new Map<number, number>();
  const pairValues = new Map<number, JsonValueSpan>();
  try {
    for (const span of jsonValueSpans(text)) {
      if (span.kind === "array") {
        const name = pairNames.get(span.start);
        const value = pairValues.get(span.start);
        pairNames.delete(span.start);
        pairValues.delete(span.start);
        if (span.count === 2 && name !== undefined && value !== undefined) replace(name, value.start, value.end, HIDDEN);
      }
      const hides = !isNullOrEmpty(text, span);
      if (span.key !== undefined) {
        if (fields.matchesKey(span.key)) {
          if (hides) replace(span.start, span.start, span.end, HIDDEN);
          continue;
        }
      } else if (span.parentStart >= 0) {
        if (span.index === 0 && span.kind === "string" && fields.matchesKey(decodeString(text, span))) pairNames.set(span.parentStart, span.start);
        else if (span.index === 1 && hides && pairNames.has(span.parentStart)) pairValues.set(span.parentStart, span);
      }
      if (span.kind === "string") {
        const decoded = decodeString(text, span);
        const redacted = fields.redactText(decoded);
        if (redacted !== decoded) replace(span.start, span.start, span.end, JSON.stringify(redacted));
      }
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
  let out = "";
  let copied = 0;
  for (const r of replacements) {
    out += text.slice(copied, r.start) + r.text;
    copied = r.end;
  }
  return out + text.slice(copied);
}

/** The string value `span` holds (it is a well-formed JSON string: jsonValueSpans checked it). */
function decodeString(text: string, span: JsonValueSpan): string {
  const raw = text.slice(span.start, span.end);
  return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

function isNullOrEmpty(text: string, span: JsonValueSpan): boolean {
  return (span.kind === "literal" && text.startsWith("null", span.start)) || (span.kind === "string" && span.end - span.start === 2);
}
