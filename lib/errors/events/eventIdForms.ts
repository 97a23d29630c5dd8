import { normaliseEventId } from "@/lib/sentry/eventId";

/**
 * The ways an event id a person typed or pasted may be stored (pure): as written (a native event
 * keeps its own id), and a UUID's two spellings — Sentry ids are stored as 32 lower-case hex digits,
 * while SDKs, logs and Sentry's UI show them with dashes.
 */
export function eventIdForms(id: string): string[] {
  const hex = normaliseEventId(id);
  if (!hex) return [id];
  const dashed = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return [...new Set([id, hex, dashed])];
}
