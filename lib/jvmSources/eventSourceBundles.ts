import { artifactCache } from "@/lib/cache/artifactCache";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { logger } from "@/lib/logger";
import { readSourceBundle, SourceBundleError, type SourceBundle } from "@/lib/jvmSources/sourceBundle";

/**
 * JVM source bundles by project and debug ID, as the event view needs them: asked for at most every
 * 10 s per instance, each bundle's directory read once (its files inflated when a frame needs one),
 * up to 64 MB of bundles kept (lib/cache/artifactCache.ts).
 */
const bundles = artifactCache<SourceBundle>({
  name: "JVM source bundles",
  ttlMs: 10_000,
  budgetBytes: 64 * 1024 * 1024,
  maxEntries: 5_000,
  stat: async (projectId, debugId) => {
    const { rows } = await boundedQuery<{ createdAt: Date; size: number }>(`SELECT "createdAt", size FROM "SourceBundle" WHERE "projectId" = $1::uuid AND "debugId" = $2::uuid`, [projectId, debugId]);
    return rows[0] ? { version: rows[0].createdAt.getTime(), size: rows[0].size } : null;
  },
  load: async (projectId, debugId) => {
    const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "SourceBundle" WHERE "projectId" = $1::uuid AND "debugId" = $2::uuid`, [projectId, debugId]);
    if (!rows[0]) return null;
    try {
      return readSourceBundle(Buffer.from(rows[0].content));
    } catch (error) {
      if (!(error instanceof SourceBundleError)) throw error;
      logger.warn("a stored source bundle no longer reads", { projectId, debugId, error: error.message });
      return null;
    }
  },
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
