import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

export interface ReadThroughCacheOptions {
  /** A value (or a miss) older than this is never served: the caller waits for a fresh read. */
  maxAgeMs: number;
  /** A value older than this is served while a background read refreshes it. */
  refreshAfterMs: number;
  /** Misses (the loader returned null) are kept this long. */
  missMaxAgeMs: number;
  /** Beyond this many entries the oldest are dropped. */
  maxEntries: number;
}

export interface ReadThroughCache<V> {
  get(key: string): Promise<V | null>;
  /** Drops one entry now (this process), e.g. after a write that changes it. */
  forget(key: string): void;
}

interface Entry<V> {
  value: V | null;
  /** When the read that produced `value` started: ages count from there, so staleness is bounded. */
  readAt: number;
  refreshing: boolean;
}

interface CacheState<V> {
  entries: Map<string, Entry<V>>;
  loading: Map<string, Promise<V | null>>;
  /** When each key was last forgotten: a read started before that is not kept. */
  forgottenAt: Map<string, number>;
}

const globalForCaches = globalThis as unknown as { faultlineCaches?: Map<string, CacheState<unknown>> };

/**
 * An in-process cache in front of a database read, for lookups on the hot path (ingest keys,
 * projects): a value is served for at most `maxAgeMs` after the read that produced it started, so a
 * change in the database (a revoked key) is seen by every instance within that bound; under steady
 * traffic entries are refreshed in the background after `refreshAfterMs`, so requests do not wait
 * for the database. Concurrent misses of one key share one read. State lives on globalThis under
 * `name`, so every copy of this module in the process (Next.js route bundles, the fast path) shares it.
 */
export function readThroughCache<V>(name: string, load: (key: string) => Promise<V | null>, options: ReadThroughCacheOptions): ReadThroughCache<V> {
  const caches = (globalForCaches.faultlineCaches ??= new Map());
  if (!caches.has(name)) caches.set(name, { entries: new Map(), loading: new Map(), forgottenAt: new Map() });
  const state = caches.get(name) as CacheState<V>;

  const read = (key: string): Promise<V | null> => {
    const pending = state.loading.get(key);
    if (pending) return pending;
    const startedAt = Date.now();
    const promise = load(key)
      .then((value) => {
        const forgottenAt = state.forgottenAt.get(key);
        if (forgottenAt !== undefined) {
          if (forgottenAt >= startedAt) return value;
          state.forgottenAt.delete(key);
        }
        state.entries.delete(key); // re-inserted last: the Map's order is then oldest read first
        state.entries.set(key, { value, readAt: startedAt, refreshing: false });
        if (state.entries.size > options.maxEntries) dropOldest(state.entries, Math.ceil(options.maxEntries / 10));
        return value;
      })
      .finally(() => {
        if (state.loading.get(key) === promise) state.loading.delete(key);
      });
    state.loading.set(key, promise);
    return promise;
  };

  return {
    get(key) {
      const entry = state.entries.get(key);
      if (entry) {
        const age = Date.now() - entry.readAt;
        if (age < (entry.value === null ? options.missMaxAgeMs : options.maxAgeMs)) {
          if (age >= options.refreshAfterMs && entry.value !== null && !entry.refreshing) {
            entry.refreshing = true;
            read(key).catch((error: unknown) => {
              entry.refreshing = false;
              logger.warn("cache refresh failed", { cache: name, error: errorMessage(error) });
            });
          }
          return Promise.resolve(entry.value);
        }
      }
      return read(key);
    },
    forget(key) {
      state.entries.delete(key);
      state.loading.delete(key);
      state.forgottenAt.set(key, Date.now());
    },
  };
}

function dropOldest(entries: Map<string, unknown>, count: number): void {
  for (const key of entries.keys()) {
    if (count-- <= 0) return;
    entries.delete(key);
  }
}
