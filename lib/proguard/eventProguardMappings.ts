import { gunzipSync } from "node:zlib";
import { artifactCache } from "@/lib/cache/artifactCache";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { logger } from "@/lib/logger";
import { ProguardMapping, ProguardMappingError } from "@/lib/proguard/proguardMapping";

/**
 * ProGuard mappings by project and UUID, as events need them: each instance asks for a UUID at most
 * every 10 s (an upload on another instance is seen within that), reads and indexes a mapping once,
 * and keeps up to 64 MB of their text (lib/cache/artifactCache.ts).
 */
const mappings = artifactCache<ProguardMapping>({
  name: "ProGuard mappings",
  ttlMs: 10_000,
  budgetBytes: 64 * 1024 * 1024,
  maxEntries: 5_000,
  stat: async (projectId, uuid) => {
    const { rows } = await boundedQuery<{ createdAt: Date; size: number }>(`SELECT "createdAt", size FROM "ProguardMapping" WHERE "projectId" = $1::uuid AND uuid = $2::uuid`, [projectId, uuid]);
    return rows[0] ? { version: rows[0].createdAt.getTime(), size: rows[0].size } : null;
  },
  load: async (projectId, uuid) => {
    const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "ProguardMapping" WHERE "projectId" = $1::uuid AND uuid = $2::uuid`, [projectId, uuid]);
    if (!rows[0]) return null;
    try {
      return new ProguardMapping(gunzipSync(rows[0].content).toString("utf8"));
    } catch (error) {
      // Checked when uploaded: only a mapping stored by an older reader could fail here.
      if (!(error instanceof ProguardMappingError)) throw error;
      logger.warn("a stored ProGuard mapping no longer reads: its events are stored as received", { projectId, uuid, error: error.message });
      return null;
    }
  },
});

/**
 * The uploaded mappings of the UUIDs an event names, in the order it names them, and the UUIDs
 * without one. Never throws: while PostgreSQL is unavailable what was last read stands (the event
 * is stored as received when nothing was).
 */
export function proguardMappingsFor(projectId: string, uuids: string[], now?: number): Promise<{ found: ProguardMapping[]; missing: string[] }> {
  return mappings.get(projectId, uuids, now);
}

/** Drops what this instance knows of a project's mapping (after an upload or delete here). */
export function forgetProguardMapping(projectId: string, uuid: string): void {
  mappings.forget(projectId, uuid);
}
