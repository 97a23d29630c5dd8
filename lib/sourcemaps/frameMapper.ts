import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { releaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/**
 * What grouping and an issue's culprit key an event's frames on when its release has source maps
 * for their files: a function giving the frames as written (original file, line, enclosing
 * function; no source lines).
 * Undefined when there is nothing to map — the frames are keyed as received.
 */
export async function frameMapperFor(projectId: string, release: string | null, frames: Frame[] | (() => Frame[])): Promise<((frames: Frame[]) => Frame[]) | undefined> {
  const maps = await releaseSourceMaps(projectId, release, frames);
  if (maps.size === 0) return undefined;
  return (received) => applySourceMaps(received, maps, { sourceLines: false });
}
