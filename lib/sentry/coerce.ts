/**
 * Defensive readers for JSON sent by Sentry SDKs. Payloads come from untrusted clients and from
 * many SDKs that disagree on details (numbers vs strings, null vs absent), so mappers read every
 * field through these instead of trusting its type.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string, or a finite number / boolean rendered as one; anything else is undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}

/** Trimmed, non-empty text cut to `max` characters (trimmed again after the cut). */
export function clipText(value: unknown, max: number): string | undefined {
  const text = asText(value)?.trim();
  if (!text) return undefined;
  return text.length > max ? text.slice(0, max).trim() : text;
}

/** Text cut to `max` characters without trimming; empty strings are kept. */
export function clipRaw(value: unknown, max: number): string | undefined {
  const text = asText(value);
  if (text === undefined) return undefined;
  return text.length > max ? text.slice(0, max) : text;
}

/** A non-negative integer (numbers and numeric strings), or undefined. */
export function asCount(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) return undefined;
  return Math.floor(n);
}
