import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { frameFileUrl } from "@/lib/sourcemaps/applySourceMaps";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";
import type { SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { MAX_FILES, parsedMap, type Upload } from "@/lib/sourcemaps/releaseSourceMaps";
import { sourceMapUrlCandidates } from "@/lib/sourcemaps/sourceMapUrl";
import { errorMessage } from "@/lib/text/errorMessage";

/** How long an instance trusts what it read of a debug ID (an upload on another instance is seen within this). */
const DEBUG_ID_CACHE_MS = 10_000;
const MAX_CACHED = 20_000;

type Cache = Map<string, { at: number; upload: Promise<Upload | null> }>;
// On globalThis, shared by the ingest fast path's bundle and the route handlers (as releaseSourceMaps').
const globalForIds = globalThis as unknown as { faultlineDebugIdMaps?: Cache };
const cache = (globalForIds.faultlineDebugIdMaps ??= new Map());

/**
 * The source maps uploaded with the debug IDs an event lists for its frames' files (`debugIds`:
 * file URL → debug ID, from `debug_meta` of type "sourcemap"), by the frame's file URL as
 * applySourceMaps looks it up — whatever the event's release. Unknown IDs cost one query per
 * instance and DEBUG_ID_CACHE_MS; while PostgreSQL is unavailable what was last read stands.
 */
export async function debugIdSourceMaps(projectId: string, debugIds: Record<string, string> | undefined, frames: Frame[] | (() => Frame[]), now = Date.now()): Promise<Map<string, SourceMap>> {
  const found = new Map<string, SourceMap>();
  if (!debugIds || Object.keys(debugIds).length === 0) return found;
  const byFile = new Map<string, string>();
  for (const [file, id] of Object.entries(debugIds)) {
    const debugId = normalizeDebugId(id);
    const key = sourceMapUrlCandidates(file)[0];
    if (debugId && key) byFile.set(key, debugId);
  }
  const files = [...new Set((typeof frames === "function" ? frames() : frames).map(frameFileUrl).flatMap((u) => (u ? [sourceMapUrlCandidates(u)[0]] : [])))]
    .filter((f) => f !== undefined && byFile.has(f))
    .slice(0, MAX_FILES);
  if (files.length === 0) return found;
  const uploads = await uploadsOf(projectId, [...new Set(files.map((f) => byFile.get(f)!))], now);
  for (const file of files) {
    const upload = uploads.get(byFile.get(file)!);
    const map = upload ? await parsedMap(upload) : null;
    if (map) found.set(file, map);
  }
  return found;
}

/** Drops what this instance knows of these debug IDs (after an upload here). */
export function forgetDebugIdSourceMaps(projectId: string, debugIds: string[]): void {
  for (const id of debugIds) cache.delete(keyOf(projectId, id));
}

/**
 * Reads what this instance does not know (fresh) of the debug IDs of many projects in one query —
 * a list page of issues whose first events listed debug IDs asks once, not once per row. Never
 * throws (what cannot be read is asked for again, per project, when used).
 */
export async function warmDebugIdSourceMaps(wanted: { projectId: string; debugIds: Record<string, string> | undefined }[], now = Date.now()): Promise<void> {
  const pairs = wanted.flatMap(({ projectId, debugIds }) =>
    Object.values(debugIds ?? {}).flatMap((raw) => {
      const debugId = normalizeDebugId(raw);
      return debugId ? [{ projectId, debugId }] : [];
    }),
  );
  await readUnknown(pairs, now);
}

/** The uploads of a project's debug IDs (null for one not uploaded), what the cache does not know read first. */
async function uploadsOf(projectId: string, debugIds: string[], now: number): Promise<Map<string, Upload | null>> {
  await readUnknown(
    debugIds.map((debugId) => ({ projectId, debugId })),
    now,
  );
  const out = new Map<string, Upload | null>();
  // Unread (PostgreSQL unavailable), what was last known stands: nothing when nothing was.
  for (const id of debugIds) out.set(id, (await cache.get(keyOf(projectId, id))?.upload) ?? null);
  return out;
}

/** Reads the pairs the cache has no fresh entry for in one query and caches each (found or not); never throws. */
async function readUnknown(pairs: { projectId: string; debugId: string }[], now: number): Promise<void> {
  const unknown = new Map<string, { projectId: string; debugId: string }>();
  for (const pair of pairs) {
    const key = keyOf(pair.projectId, pair.debugId);
    const hit = cache.get(key);
    if (!hit || now - hit.at >= DEBUG_ID_CACHE_MS) unknown.set(key, pair);
  }
  if (unknown.size === 0) return;
  try {
    const list = [...unknown.values()];
    const { rows } = await boundedQuery<{ projectId: string; debugId: string; id: string; createdAt: Date; size: number }>(
      `SELECT s."projectId", s."debugId", s.id, s."createdAt", s.size
       FROM "SourceMap" s JOIN unnest($1::uuid[], $2::uuid[]) AS w("projectId", "debugId") ON s."projectId" = w."projectId" AND s."debugId" = w."debugId"`,
      [list.map((p) => p.projectId), list.map((p) => p.debugId)],
    );
    const found = new Map(rows.map((r) => [keyOf(r.projectId, r.debugId), { id: r.id, version: r.createdAt.getTime(), size: r.size }]));
    if (cache.size + unknown.size > MAX_CACHED) cache.clear();
    for (const key of unknown.keys()) cache.set(key, { at: now, upload: Promise.resolve(found.get(key) ?? null) });
  } catch (error) {
    // Grouping never fails an event: unread, those frames group as minified.
    if (!isDatabaseUnavailable(error)) logger.warn("source maps by debug ID could not be read: those frames group as minified", { error: errorMessage(error) });
  }
}

function keyOf(projectId: string, debugId: string): string {
  return `${projectId}\u0000${debugId}`;
}
