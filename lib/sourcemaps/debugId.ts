import { DEBUG_IDS_METADATA_KEY } from "@/lib/ingest/eventSchema";

/**
 * A debug ID as PostgreSQL's uuid stores it (lowercase, hyphenated), from the forms bundlers and
 * SDKs write: "ab6f78a0-9db3-5a81-8542-e9b40a293639", upper case, or the 32 hex digits without
 * hyphens. Null for anything else.
 */
export function normalizeDebugId(value: string): string | null {
  const hex = value.trim().toLowerCase();
  const match = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/.exec(hex);
  return match ? match.slice(1).join("-") : null;
}

/** The file URL → debug ID pairs of a stored value (an occurrence's metadata entry); undefined when there are none. */
export function debugIdsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const pairs = Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === "string");
  return pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
}

/** The debug IDs an occurrence's stored metadata keeps (undefined when none). */
export function metadataDebugIds(metadata: unknown): Record<string, string> | undefined {
  if (typeof metadata !== "object" || metadata === null || Array.isArray(metadata)) return undefined;
  return debugIdsOf((metadata as Record<string, unknown>)[DEBUG_IDS_METADATA_KEY]);
}
