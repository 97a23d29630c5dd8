import { gunzipSync } from "node:zlib";
import { artifactCache } from "@/lib/cache/artifactCache";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { logger } from "@/lib/logger";
import { BreakpadSymbols, BreakpadSymbolsError } from "@/lib/native/breakpadSymbols";

/**
 * Breakpad symbol files by project and debug ID, as events need them: each instance asks for an ID
 * at most every 10 s (an upload on another instance is seen within that), reads and indexes a file
 * once, and keeps up to 64 MB of them (lib/cache/artifactCache.ts).
 */
const symbolFiles = artifactCache<BreakpadSymbols>({
  name: "native symbols",
  ttlMs: 10_000,
  budgetBytes: 64 * 1024 * 1024,
  maxEntries: 5_000,
  stat: async (projectId, debugId) => {
    const { rows } = await boundedQuery<{ createdAt: Date; size: number }>(`SELECT "createdAt", size FROM "NativeSymbolFile" WHERE "projectId" = $1::uuid AND "debugId" = $2`, [projectId, debugId]);
    return rows[0] ? { version: rows[0].createdAt.getTime(), size: rows[0].size } : null;
  },
  load: async (projectId, debugId) => {
    const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "NativeSymbolFile" WHERE "projectId" = $1::uuid AND "debugId" = $2`, [projectId, debugId]);
    if (!rows[0]) return null;
    try {
      return new BreakpadSymbols(gunzipSync(rows[0].content).toString("utf8"));
    } catch (error) {
      if (!(error instanceof BreakpadSymbolsError)) throw error;
      logger.warn("a stored symbol file no longer reads: its frames stay unsymbolicated", { projectId, debugId, error: error.message });
      return null;
    }
  },
});

/** The symbol files of the debug IDs an event's images name, by debug ID, and the IDs without one. Never throws. */
export async function nativeSymbolsFor(projectId: string, debugIds: string[], now?: number): Promise<{ found: Map<string, BreakpadSymbols>; missing: string[] }> {
  const { found, missing } = await symbolFiles.get(projectId, debugIds, now);
  return { found: new Map(found.map((symbols) => [symbols.module.debugId, symbols])), missing };
}

/** Drops what this instance knows of a project's symbol file (after an upload or delete here). */
export function forgetNativeSymbols(projectId: string, debugId: string): void {
  symbolFiles.forget(projectId, debugId);
}
