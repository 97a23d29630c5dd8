import { gunzipSync } from "node:zlib";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { db } from "@/lib/db/prisma";
import { logger } from "@/lib/logger";
import { frameFileUrl } from "@/lib/sourcemaps/applySourceMaps";
import { parseSourceMap, type SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { sourceMapUrlCandidates } from "@/lib/sourcemaps/sourceMapUrl";

/** Distinct minified files looked up for one event at most. */
const MAX_FILES = 20;

/**
 * The source maps of a release that frames' files may have (by every upload URL each file may be
 * known by), parsed; an empty map when the event has no release or no frame has a line and column.
 * A stored map that no longer parses is skipped (logged), never failing the event's view.
 */
export async function loadSourceMaps(projectId: string, release: string | null, frames: Frame[]): Promise<Map<string, SourceMap>> {
  const maps = new Map<string, SourceMap>();
  if (!release) return maps;
  const files = [...new Set(frames.filter((f) => f.lineno !== undefined && f.colno !== undefined).map(frameFileUrl).filter((u): u is string => Boolean(u)))].slice(0, MAX_FILES);
  const urls = [...new Set(files.flatMap(sourceMapUrlCandidates))];
  if (urls.length === 0) return maps;
  const rows = await db().sourceMap.findMany({ where: { projectId, release, url: { in: urls } }, select: { id: true, url: true, content: true } });
  for (const row of rows) {
    try {
      maps.set(row.url, parseSourceMap(gunzipSync(row.content).toString("utf8")));
    } catch (error) {
      logger.warn("stored source map could not be read", { sourceMapId: row.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return maps;
}
