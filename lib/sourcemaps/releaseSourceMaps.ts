import { gunzipSync } from "node:zlib";
import { env } from "@/lib/env";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { frameFileUrl } from "@/lib/sourcemaps/applySourceMaps";
import { parseValidSourceMap, type SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { sourceMapUrlCandidates } from "@/lib/sourcemaps/sourceMapUrl";
import { errorMessage } from "@/lib/text/errorMessage";
import { boundedQuery } from "@/lib/db/boundedQuery";

/** How long an instance trusts what it read of a release's uploads (an upload or delete on another instance is seen within this). */
const RELEASE_CACHE_MS = 10_000;
const MAX_RELEASES = 5_000;
/** Parsed maps kept per instance, by the size of their JSON; least recently used go first. */
export const PARSED_MAPS_BUDGET_BYTES = 64 * 1024 * 1024;
/** Distinct minified files looked up for one event at most. */
export const MAX_FILES = 20;

export interface Upload {
  id: string;
  /** Changes when the same release and URL are uploaded again. */
  version: number;
  size: number;
}

interface Cache {
  releases: Map<string, { at: number; uploads: Promise<Map<string, Upload>> }>;
  parsed: Map<string, { size: number; map: Promise<SourceMap | null> }>;
  parsedBytes: number;
}

// On globalThis: the ingest fast path (a separate bundle of lib code in the same process) and the
// route handlers that view, upload and delete maps share one cache.
const globalForMaps = globalThis as unknown as { faultlineSourceMaps?: Cache };
const cache = (globalForMaps.faultlineSourceMaps ??= { releases: new Map(), parsed: new Map(), parsedBytes: 0 });

/**
 * The source maps frames have in a release (by upload URL, parsed and indexed): for grouping at
 * ingest, the event view and the issues' culprits. Empty — without a query — when the release has
 * none, which an instance knows for RELEASE_CACHE_MS after asking once. Maps are read once per instance and kept within
 * PARSED_MAPS_BUDGET_BYTES. While PostgreSQL is unavailable what was last read stands (nothing
 * when nothing was: those events key on their minified frames). A stored map that no longer parses
 * is skipped (logged once).
 */
export async function releaseSourceMaps(projectId: string, release: string | null, frames: Frame[] | (() => Frame[]), now = Date.now()): Promise<Map<string, SourceMap>> {
  const found = new Map<string, SourceMap>();
  if (!release) return found;
  const uploads = await releaseUploads(projectId, release, now);
  if (uploads.size === 0) return found;
  // Frames may be given lazily: worked out only when the release has uploads.
  const files = [...new Set((typeof frames === "function" ? frames() : frames).filter((f) => f.lineno !== undefined && f.colno !== undefined).map(frameFileUrl).filter((u): u is string => Boolean(u)))].slice(0, MAX_FILES);
  for (const url of new Set(files.flatMap(sourceMapUrlCandidates))) {
    const upload = uploads.get(url);
    const map = upload ? await parsedMap(upload) : null;
    if (map) found.set(url, map);
  }
  return found;
}

/** Drops what this instance knows of a release's uploads (after an upload or delete here). */
export function forgetReleaseSourceMaps(projectId: string, release: string): void {
  cache.releases.delete(releaseKey(projectId, release));
}

function releaseKey(projectId: string, release: string): string {
  return `${projectId}\u0000${release}`;
}

async function releaseUploads(projectId: string, release: string, now: number): Promise<Map<string, Upload>> {
  const key = releaseKey(projectId, release);
  const hit = cache.releases.get(key);
  if (hit && now - hit.at < RELEASE_CACHE_MS) return hit.uploads;
  // Grouping never fails an event: unread, the uploads last read stand (none when none were).
  const uploads = readUploads([{ projectId, release }]).then((found) => found.get(key) ?? new Map<string, Upload>(), (error: unknown) => {
    if (!isDatabaseUnavailable(error)) logger.warn("source maps of a release could not be read: its events group as minified", { projectId, error: errorMessage(error) });
    return hit?.uploads ?? new Map<string, Upload>();
  });
  if (cache.releases.size >= MAX_RELEASES) cache.releases.clear();
  cache.releases.set(key, { at: now, uploads });
  return uploads;
}

/**
 * Reads the uploads of every release asked for that this instance does not know (fresh) in one
 * query — a list page of issues from 25 releases asks once, not 25 times. Never throws (what
 * cannot be read is asked for again, one release at a time, when used).
 */
export async function warmReleaseSourceMaps(pairs: { projectId: string; release: string | null }[], now = Date.now()): Promise<void> {
  const wanted = new Map<string, { projectId: string; release: string }>();
  for (const { projectId, release } of pairs) {
    if (!release) continue;
    const key = releaseKey(projectId, release);
    const hit = cache.releases.get(key);
    if (!hit || now - hit.at >= RELEASE_CACHE_MS) wanted.set(key, { projectId, release });
  }
  if (wanted.size === 0) return;
  try {
    const found = await readUploads([...wanted.values()]);
    if (cache.releases.size + found.size >= MAX_RELEASES) cache.releases.clear();
    for (const [key, uploads] of found) cache.releases.set(key, { at: now, uploads: Promise.resolve(uploads) });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger.warn("source maps of releases could not be read", { error: errorMessage(error) });
  }
}

/** The uploads of each release asked for (by releaseKey; an empty map for a release without any), in one query. */
async function readUploads(releases: { projectId: string; release: string }[]): Promise<Map<string, Map<string, Upload>>> {
  const { rows } = await boundedQuery<{ projectId: string; release: string; id: string; url: string; createdAt: Date; size: number }>(
    `SELECT s."projectId", s.release, s.id, s.url, s."createdAt", s.size
     FROM "SourceMap" s JOIN unnest($1::uuid[], $2::text[]) AS w("projectId", release) ON s."projectId" = w."projectId" AND s.release = w.release`,
    [releases.map((r) => r.projectId), releases.map((r) => r.release)],
  );
  const found = new Map<string, Map<string, Upload>>(releases.map((r) => [releaseKey(r.projectId, r.release), new Map()]));
  for (const r of rows) found.get(releaseKey(r.projectId, r.release))?.set(r.url, { id: r.id, version: r.createdAt.getTime(), size: r.size });
  return found;
}

/** An upload's map, parsed once per instance and kept within PARSED_MAPS_BUDGET_BYTES (null when it cannot be read). */
export function parsedMap(upload: Upload): Promise<SourceMap | null> {
  const key = `${upload.id}:${upload.version}`;
  const hit = cache.parsed.get(key);
  if (hit) {
    // Most recently used last: eviction takes from the front.
    cache.parsed.delete(key);
    cache.parsed.set(key, hit);
    return hit.map;
  }
  const map = readMap(upload.id).catch((error: unknown) => {
    // Not kept: the next event asks again (PostgreSQL back, or the row gone with its release's cache).
    forgetParsed(key);
    if (!isDatabaseUnavailable(error)) logger.warn("a source map could not be read: its frames group as minified", { sourceMapId: upload.id, error: errorMessage(error) });
    return null;
  });
  cache.parsed.set(key, { size: upload.size, map });
  cache.parsedBytes += upload.size;
  for (const [oldest, entry] of cache.parsed) {
    if (cache.parsedBytes <= PARSED_MAPS_BUDGET_BYTES || oldest === key) break;
    forgetParsed(oldest, entry.size);
  }
  return map;
}

function forgetParsed(key: string, size = cache.parsed.get(key)?.size): void {
  if (size === undefined || !cache.parsed.delete(key)) return;
  cache.parsedBytes -= size;
}

async function readMap(id: string): Promise<SourceMap | null> {
  const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "SourceMap" WHERE id = $1`, [id], env().INGEST_DB_TIMEOUT_MS);
  if (!rows[0]) return null;
  try {
    return parseValidSourceMap(gunzipSync(rows[0].content).toString("utf8"));
  } catch (error) {
    logger.warn("stored source map could not be read: its frames group as minified", { sourceMapId: id, error: errorMessage(error) });
    return null;
  }
}
