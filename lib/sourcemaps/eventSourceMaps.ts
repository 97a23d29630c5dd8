import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { debugIdSourceMaps } from "@/lib/sourcemaps/debugIdSourceMaps";
import type { SourceMap } from "@/lib/sourcemaps/parseSourceMap";
import { releaseSourceMaps } from "@/lib/sourcemaps/releaseSourceMaps";

/**
 * The source maps for an event's frames: by the debug IDs the event lists for its files, then by
 * its release's uploads for the files no debug ID found (a frame's own file URL, under which the
 * debug-ID map is keyed, is looked up before the release's "~/path").
 */
export async function eventSourceMaps(projectId: string, release: string | null, debugIds: Record<string, string> | undefined, frames: Frame[] | (() => Frame[])): Promise<Map<string, SourceMap>> {
  const list = typeof frames === "function" ? once(frames) : frames;
  const [byId, byRelease] = await Promise.all([debugIdSourceMaps(projectId, debugIds, list), releaseSourceMaps(projectId, release, list)]);
  return byId.size === 0 ? byRelease : new Map([...byRelease, ...byId]);
}

function once(make: () => Frame[]): () => Frame[] {
  let frames: Frame[] | undefined;
  return () => (frames ??= make());
}
