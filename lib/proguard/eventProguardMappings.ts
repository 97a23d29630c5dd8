import { gunzipSync } from "node:zlib";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { ProguardMapping, ProguardMappingError } from "@/lib/proguard/proguardMapping";
import { errorMessage } from "@/lib/text/errorMessage";

/** How long an instance trusts what it read of a UUID (an upload on another instance is seen within this). */
const MAPPING_CACHE_MS = 10_000;
/** Mappings kept read per instance, by the size of their text; least recently used go first. */
export const PROGUARD_BUDGET_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

interface Entry {
  at: number;
  /** The stored row's upload time (a re-upload under the same UUID is read again); 0 when there is none. */
  version: number;
  size: number;
  mapping: ProguardMapping | null;
}

interface Cache {
  entries: Map<string, Entry>;
  bytes: number;
  /** Reads under way: concurrent events naming a UUID wait for one read, not one each. */
  reading: Map<string, Promise<void>>;
}

// On globalThis: the ingest fast path and the route handlers that upload and delete share it.
const globalForMappings = globalThis as unknown as { faultlineProguard?: Cache };
const cache = (globalForMappings.faultlineProguard ??= { entries: new Map(), bytes: 0, reading: new Map() });

const keyOf = (projectId: string, uuid: string) => `${projectId}\u0000${uuid}`;

/**
 * The uploaded mappings of the UUIDs an event names, in the order it names them (those not uploaded
 * are left out). One query per UUID this instance does not know fresh — concurrent events naming
 * it wait for the same one — and a mapping's text is read and indexed once per instance, within
 * PROGUARD_BUDGET_BYTES. Never throws: while PostgreSQL is
 * unavailable what was last read stands (the event is stored as received when nothing was).
 */
export async function proguardMappingsFor(projectId: string, uuids: string[], now = Date.now()): Promise<{ found: ProguardMapping[]; missing: string[] }> {
  const reads = uuids.flatMap((uuid) => {
    const key = keyOf(projectId, uuid);
    const hit = cache.entries.get(key);
    if (hit && now - hit.at < MAPPING_CACHE_MS) return [];
    let reading = cache.reading.get(key);
    if (!reading) {
      reading = refresh(projectId, uuid, now).finally(() => cache.reading.delete(key));
      cache.reading.set(key, reading);
    }
    return [reading];
  });
  if (reads.length > 0) await Promise.all(reads);
  const found: ProguardMapping[] = [];
  const missing: string[] = [];
  for (const uuid of uuids) {
    const hit = cache.entries.get(keyOf(projectId, uuid));
    if (hit?.mapping) {
      touch(keyOf(projectId, uuid), hit);
      found.push(hit.mapping);
    } else missing.push(uuid);
  }
  return { found, missing };
}

/** Drops what this instance knows of a project's mapping (after an upload or delete here). */
export function forgetProguardMapping(projectId: string, uuid: string): void {
  drop(keyOf(projectId, uuid));
}

/** What is stored under one UUID, read again only when it changed (re-uploaded or deleted). */
async function refresh(projectId: string, uuid: string, now: number): Promise<void> {
  const key = keyOf(projectId, uuid);
  try {
    const { rows } = await boundedQuery<{ createdAt: Date; size: number }>(`SELECT "createdAt", size FROM "ProguardMapping" WHERE "projectId" = $1::uuid AND uuid = $2::uuid`, [projectId, uuid]);
    const row = rows[0];
    const hit = cache.entries.get(key);
    const version = row ? row.createdAt.getTime() : 0;
    if (hit && hit.version === version) {
      hit.at = now;
      return;
    }
    drop(key);
    const mapping = row ? await readMapping(projectId, uuid) : null;
    put(key, { at: now, version, size: mapping ? row.size : 0, mapping });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger.warn("ProGuard mappings could not be read: the event is stored as received", { projectId, error: errorMessage(error) });
  }
}

async function readMapping(projectId: string, uuid: string): Promise<ProguardMapping | null> {
  const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "ProguardMapping" WHERE "projectId" = $1::uuid AND uuid = $2::uuid`, [projectId, uuid]);
  if (!rows[0]) return null;
  try {
    return new ProguardMapping(gunzipSync(rows[0].content).toString("utf8"));
  } catch (error) {
    // Checked when uploaded: only a mapping stored by an older reader could fail here.
    if (!(error instanceof ProguardMappingError)) throw error;
    logger.warn("a stored ProGuard mapping no longer reads: its events are stored as received", { projectId, uuid, error: error.message });
    return null;
  }
}

function put(key: string, entry: Entry): void {
  if (cache.entries.size >= MAX_ENTRIES) {
    cache.entries.clear();
    cache.bytes = 0;
  }
  cache.entries.set(key, entry);
  cache.bytes += entry.size;
  for (const [oldest, old] of cache.entries) {
    if (cache.bytes <= PROGUARD_BUDGET_BYTES || oldest === key) break;
    drop(oldest, old);
  }
}

function touch(key: string, entry: Entry): void {
  // Most recently used last: eviction takes from the front.
  cache.entries.delete(key);
  cache.entries.set(key, entry);
}

function drop(key: string, entry = cache.entries.get(key)): void {
  if (!entry) return;
  cache.entries.delete(key);
  cache.bytes -= entry.size;
}
