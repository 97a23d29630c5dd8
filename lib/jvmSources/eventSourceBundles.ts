import { storedArtifactCache } from "@/lib/cache/storedArtifactCache";
import { readSourceBundle, SourceBundleError, type SourceBundle } from "@/lib/jvmSources/sourceBundle";

/**
 * JVM source bundles by project and debug ID, as the event view needs them: asked for at most every
 * 10 s per instance, each bundle's directory read once (its files inflated when a frame needs one),
 * up to 64 MB of bundles kept (lib/cache/storedArtifactCache.ts).
 */
const bundles = storedArtifactCache<SourceBundle>({
  name: "JVM source bundles",
  table: "SourceBundle",
  idColumn: "debugId",
  idType: "uuid",
  parse: readSourceBundle,
  Unreadable: SourceBundleError,
});

/** The uploaded bundles of the debug IDs an event lists (those not uploaded are left out). Never throws. */
export async function sourceBundlesFor(projectId: string, debugIds: string[]): Promise<SourceBundle[]> {
  if (debugIds.length === 0) return [];
  return (await bundles.get(projectId, debugIds)).found;
}

/** Drops what this instance knows of a project's bundle (after an upload or delete here). */
export function forgetSourceBundle(projectId: string, debugId: string): void {
  bundles.forget(projectId, debugId);
}
