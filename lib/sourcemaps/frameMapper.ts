import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { eventSourceMaps } from "@/lib/sourcemaps/eventSourceMaps";

/**
 * What grouping and an issue's culprit key an event's frames on when source maps for their files
 * were uploaded — with the debug IDs the event lists (`debugIds`), or for its release: a function
 * giving the frames as written (original file, line, enclosing function; no source lines).
 * Undefined when there is nothing to map — the frames are keyed as received.
 */
export async function frameMapperFor(
  projectId: string,
  sources: { release: string | null; debugIds?: Record<string, string> },
  frames: Frame[] | (() => Frame[]),
): Promise<((frames: Frame[]) => Frame[]) | undefined> {
  const maps = await eventSourceMaps(projectId, sources.release, sources.debugIds, frames);
  if (maps.size === 0) return undefined;
  return (received) => applySourceMaps(received, maps, { sourceLines: false });
}
