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
  for (const id of debugIds) cache.delete(`${projectId}\u0000${id}`);
}

async function uploadsOf(projectId: string, debugIds: string[], now: number): Promise<Map<string, Upload | null>> {
  const out = new Map<string, Upload | null>();
  const unknown: string[] = [];
  for (const id of debugIds) {
    const hit = cache.get(`${projectId}\u0000${id}`);
    if (hit && now - hit.at < DEBUG_ID_CACHE_MS) out.set(id, await hit.upload);
    else unknown.push(id);
  }
  if (unknown.length === 0) return out;
  const read = boundedQuery<{ debugId: string; id: string; createdAt: Date; size: number }>(
    `SELECT "debugId", id, "createdAt", size FROM "SourceMap" WHERE "projectId" = $1 AND "debugId" = ANY($2::uuid[])`,
    [projectId, unknown],
  ).then(
    ({ rows }) => new Map(rows.map((r) => [r.debugId, { id: r.id, version: r.createdAt.getTime(), size: r.size }])),
    (error: unknown) => {
      // Grouping never fails an event: unread, what was last known stands (nothing when nothing was).
      if (!isDatabaseUnavailable(error)) logger.warn("source maps by debug ID could not be read: those frames group as minified", { projectId, error: errorMessage(error) });
      return null;
    },
  );
  const rows = await read;
  if (cache.size + unknown.length > MAX_CACHED) cache.clear();
  for (const id of unknown) {
    const key = `${projectId}\u0000${id}`;
    const upload = rows ? (rows.get(id) ?? null) : ((await cache.get(key)?.upload) ?? null);
    if (rows) cache.set(key, { at: now, upload: Promise.resolve(upload) });
    out.set(id, upload);
  }
  return out;
}

/**
 * Reads what this instance does not know (fresh) of the debug IDs of many projects in one query —
 * a list page of issues whose first events listed debug IDs asks once, not once per row. Never
 * throws (what cannot be read is asked for again, per project, when used).
 */
export async function warmDebugIdSourceMaps(wanted: { projectId: string; debugIds: Record<string, string> | undefined }[], now = Date.now()): Promise<void> {
  const pairs = new Map<string, { projectId: string; debugId: string }>();
  for (const { projectId, debugIds } of wanted) {
    for (const raw of Object.values(debugIds ?? {})) {
      const debugId = normalizeDebugId(raw);
      const key = `${projectId}\u0000${debugId}`;
      const hit = cache.get(key);
      if (debugId && (!hit || now - hit.at >= DEBUG_ID_CACHE_MS)) pairs.set(key, { projectId, debugId });
    }
  }
  if (pairs.size === 0) return;
  try {
    const list = [...pairs.values()];
    const { rows } = await boundedQuery<{ projectId: string; debugId: string; id: string; createdAt: Date; size: number }>(
      `SELECT s."projectId", s."debugId", s.id, s."createdAt", s.size
       FROM "SourceMap" s JOIN unnest($1::uuid[], $2::uuid[]) AS w("projectId", "debugId") ON s."projectId" = w."projectId" AND s."debugId" = w."debugId"`,
      [list.map((p) => p.projectId), list.map((p) => p.debugId)],
    );
    const found = new Map(rows.map((r) => [`${r.projectId}\u0000${r.debugId}`, { id: r.id, version: r.createdAt.getTime(), size: r.size }]));
    if (cache.size + pairs.size > MAX_CACHED) cache.clear();
    for (const key of pairs.keys()) cache.set(key, { at: now, upload: Promise.resolve(found.get(key) ?? null) });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logger.warn("source maps by debug ID could not be read", { error: errorMessage(error) });
  }
}
