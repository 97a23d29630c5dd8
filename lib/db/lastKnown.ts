import { HOT_PATH_QUERY_TIMEOUT_MS } from "@/lib/db/boundedQuery";
import { databaseKnownDown, markDatabaseDown } from "@/lib/db/databaseDown";
import { databaseTimeout, settleWithin } from "@/lib/db/settleWithin";

/**
 * Last-known answers of small lookups (ingest keys, Sentry projects), used only while PostgreSQL is
 * unavailable: a key that authenticated before the outage keeps authenticating during it, so its
 * events can be spooled instead of refused. Bounded per cache; shared by the route handlers and the
 * ingest fast path through globalThis. When the database answers, its answer always wins.
 */
const MAX_ENTRIES = 10_000;

const globalForLastKnown = globalThis as unknown as { faultlineLastKnown?: Map<string, Map<string, unknown>> };

function cache(name: string): Map<string, unknown> {
  globalForLastKnown.faultlineLastKnown ??= new Map();
  let map = globalForLastKnown.faultlineLastKnown.get(name);
  if (!map) {
    map = new Map();
    globalForLastKnown.faultlineLastKnown.set(name, map);
  }
  return map;
}

export async function withLastKnown<T>(name: string, key: string, run: () => Promise<T>, isUnavailable: (error: unknown) => boolean): Promise<T> {
  const map = cache(name);
  // PostgreSQL failed to answer just now (lib/db/databaseDown.ts): the last answer, without waiting again.
  if (databaseKnownDown() && map.has(key)) return map.get(key) as T;
  try {
    const value = await settleWithin(run(), HOT_PATH_QUERY_TIMEOUT_MS, () => databaseTimeout("a database lookup", HOT_PATH_QUERY_TIMEOUT_MS));
    map.delete(key);
    map.set(key, value);
    if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
    return value;
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    markDatabaseDown();
    if (map.has(key)) return map.get(key) as T;
    throw error;
  }
}

/** Forgets a key everywhere in this process (a revoked key must not outlive its revocation). */
export function forgetLastKnown(name: string, key: string): void {
  cache(name).delete(key);
}
