import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/** What is stored under a key: changes (`version`) when it is uploaded again; `size` counts against the budget. */
export interface ArtifactStat {
  version: number;
  size: number;
}

export interface ArtifactCacheOptions<T> {
  /** Names the cache on globalThis (the ingest fast path and the route handlers share one) and in logs. */
  name: string;
  /** How long an instance trusts what it read of a key (an upload on another instance is seen within this). */
  ttlMs: number;
  /** Artifacts kept read per instance, by `size`; least recently used go first. */
  budgetBytes: number;
  maxEntries: number;
  /** What is stored under the key now (null: nothing). */
  stat: (projectId: string, id: string) => Promise<ArtifactStat | null>;
  /** The artifact read and prepared (null: it cannot be used; say why in the log). */
  load: (projectId: string, id: string) => Promise<T | null>;
}

export interface ArtifactCache<T> {
  /** The artifacts stored under `ids`, in that order, and the ids without one. Never throws. */
  get: (projectId: string, ids: string[], now?: number) => Promise<{ found: T[]; missing: string[] }>;
  /** Drops what this instance knows of a key (after an upload or delete here). */
  forget: (projectId: string, id: string) => void;
}

interface Entry<T> {
  at: number;
  version: number;
  size: number;
  value: T | null;
}

interface State<T> {
  entries: Map<string, Entry<T>>;
  bytes: number;
  /** Reads under way: concurrent callers asking for a key wait for one read, not one each. */
  reading: Map<string, Promise<void>>;
}

/**
 * A per-instance cache of artifacts uploaded per project and id (ProGuard mappings, JVM source
 * bundles): one small query per key this instance does not know fresh — concurrent callers share
 * it — and the artifact itself read and prepared once, again only when it was uploaded anew, kept
 * within a byte budget. While PostgreSQL is unavailable what was last read stands.
 */
export function artifactCache<T>(options: ArtifactCacheOptions<T>): ArtifactCache<T> {
  const globals = globalThis as unknown as Record<string, State<T> | undefined>;
  const state = (globals[`faultlineArtifacts:${options.name}`] ??= { entries: new Map(), bytes: 0, reading: new Map() });
  const keyOf = (projectId: string, id: string) => `${projectId}\u0000${id}`;

  function drop(key: string, entry = state.entries.get(key)): void {
    if (!entry) return;
    state.entries.delete(key);
    state.bytes -= entry.size;
  }

  function put(key: string, entry: Entry<T>): void {
    if (state.entries.size >= options.maxEntries) {
      state.entries.clear();
      state.bytes = 0;
    }
    state.entries.set(key, entry);
    state.bytes += entry.size;
    for (const [oldest, old] of state.entries) {
      if (state.bytes <= options.budgetBytes || oldest === key) break;
      drop(oldest, old);
    }
  }

  async function refresh(projectId: string, id: string, now: number): Promise<void> {
    const key = keyOf(projectId, id);
    try {
      const stat = await options.stat(projectId, id);
      const hit = state.entries.get(key);
      const version = stat?.version ?? 0;
      if (hit && hit.version === version) {
        hit.at = now;
        return;
      }
      drop(key);
      const value = stat ? await options.load(projectId, id) : null;
      put(key, { at: now, version, size: value && stat ? stat.size : 0, value });
    } catch (error) {
      if (!isDatabaseUnavailable(error)) logger.warn(`${options.name} could not be read`, { projectId, id, error: errorMessage(error) });
    }
  }

  return {
    async get(projectId, ids, now = Date.now()) {
      const reads = ids.flatMap((id) => {
        const key = keyOf(projectId, id);
        const hit = state.entries.get(key);
        if (hit && now - hit.at < options.ttlMs) return [];
        let reading = state.reading.get(key);
        if (!reading) {
          reading = refresh(projectId, id, now).finally(() => state.reading.delete(key));
          state.reading.set(key, reading);
        }
        return [reading];
      });
      if (reads.length > 0) await Promise.all(reads);
      const found: T[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const key = keyOf(projectId, id);
        const hit = state.entries.get(key);
        if (hit?.value) {
          // Most recently used last: eviction takes from the front.
          state.entries.delete(key);
          state.entries.set(key, hit);
          found.push(hit.value);
        } else missing.push(id);
      }
      return { found, missing };
    },
    forget(projectId, id) {
      drop(keyOf(projectId, id));
    },
  };
}
