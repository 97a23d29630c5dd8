import { culpritOf } from "@/lib/errors/culprit";
import { validFrames } from "@/lib/errors/events/eventFrames";
import { metadataDebugIds } from "@/lib/sourcemaps/debugId";
import { warmDebugIdSourceMaps } from "@/lib/sourcemaps/debugIdSourceMaps";
import { frameMapperFor } from "@/lib/sourcemaps/frameMapper";
import { warmReleaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/** `context`: what the group kept of its first event (its metadata holds the debug IDs the event listed). */
type CulpritSource = { projectId: string; frames: unknown; platform: string | null; exceptions: unknown; firstRelease: string | null; context?: unknown };

/**
 * Where an issue was raised ("cart.ts in totalOf"), its frames (its first event's) mapped by the
 * source maps of that event's debug IDs or of the issue's first release when there are any — the
 * per-instance cache lib/sourcemaps keeps, so a list page's rows cost no map parsing once read. The
 * culprit of minified JavaScript without maps names the bundle.
 */
export async function issueCulprit(group: CulpritSource): Promise<string | null> {
  const frames = validFrames(group.frames);
  const debugIds = firstEventDebugIds(group);
  if (!frames || (!group.firstRelease && !debugIds)) return culpritOf(group.frames, group.platform, group.exceptions);
  const mapFrames = await frameMapperFor(group.projectId, { release: group.firstRelease, debugIds }, frames);
  return culpritOf(mapFrames ? mapFrames(frames) : frames, group.platform, group.exceptions);
}

/** The culprits of a page of issues, their first releases' uploads and their first events' debug IDs each read in one query. */
export async function issueCulprits(groups: CulpritSource[]): Promise<(string | null)[]> {
  await Promise.all([
    warmReleaseSourceMaps(groups.map((g) => ({ projectId: g.projectId, release: g.firstRelease }))),
    warmDebugIdSourceMaps(groups.map((g) => ({ projectId: g.projectId, debugIds: firstEventDebugIds(g) }))),
  ]);
  return Promise.all(groups.map(issueCulprit));
}

function firstEventDebugIds(group: CulpritSource): Record<string, string> | undefined {
  return metadataDebugIds(typeof group.context === "object" && group.context !== null ? (group.context as { metadata?: unknown }).metadata : undefined);
}
