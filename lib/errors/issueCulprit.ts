import { culpritOf } from "@/lib/errors/culprit";
import { validFrames } from "@/lib/errors/events/eventFrames";
import { applySourceMaps } from "@/lib/sourcemaps/applySourceMaps";
import { releaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/**
 * Where an issue was raised ("cart.ts in totalOf"), its frames (its first event's) mapped by its
 * first release's source maps when it has any — the per-instance cache lib/sourcemaps keeps, so a
 * list page's rows cost no map parsing once read. The culprit of minified JavaScript without maps
 * names the bundle.
 */
export async function issueCulprit(group: { projectId: string; frames: unknown; platform: string | null; exceptions: unknown; firstRelease: string | null }): Promise<string | null> {
  const frames = validFrames(group.frames);
  if (!frames || !group.firstRelease) return culpritOf(group.frames, group.platform, group.exceptions);
  const maps = await releaseSourceMaps(group.projectId, group.firstRelease, frames);
  return culpritOf(maps.size > 0 ? applySourceMaps(frames, maps, { sourceLines: false }) : frames, group.platform, group.exceptions);
}
