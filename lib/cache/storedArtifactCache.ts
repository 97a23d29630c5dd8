import { artifactCache, type ArtifactCache } from "@/lib/cache/artifactCache";
import { boundedQuery } from "@/lib/db/boundedQuery";
import { logger } from "@/lib/logger";

export interface StoredArtifactOptions<T> {
  /** Names the cache (on globalThis and in logs): "ProGuard mappings". */
  name: string;
  /** The table the uploads are stored in, by project and `idColumn`, with `content`, `size` and `createdAt`. */
  table: "ProguardMapping" | "SourceBundle" | "NativeSymbolFile";
  idColumn: "uuid" | "debugId";
  /** How the id column is compared: a uuid column, or text. */
  idType: "uuid" | "text";
  /** The artifact from its stored bytes; throws `Unreadable` for bytes that no longer read (logged, treated as absent). */
  parse: (content: Buffer) => T;
  Unreadable: new (...args: never[]) => Error;
}

/**
 * The per-instance cache (lib/cache/artifactCache.ts) of uploads stored in a table — ProGuard
 * mappings, JVM source bundles, native symbol files: each id asked for at most every 10 s (an upload
 * on another instance is seen within that), its content read and parsed once per upload (its
 * `createdAt` is the version), up to 64 MB of them by their stored `size`. A stored upload an older
 * reader accepted and this one cannot read is logged and treated as absent.
 */
export function storedArtifactCache<T>(options: StoredArtifactOptions<T>): ArtifactCache<T> {
  const { name, table, idColumn, idType, parse, Unreadable } = options;
  const where = `"projectId" = $1::uuid AND "${idColumn}" = $2${idType === "uuid" ? "::uuid" : ""}`;
  return artifactCache<T>({
    name,
    ttlMs: 10_000,
    budgetBytes: 64 * 1024 * 1024,
    maxEntries: 5_000,
    stat: async (projectId, id) => {
      const { rows } = await boundedQuery<{ createdAt: Date; size: number }>(`SELECT "createdAt", size FROM "${table}" WHERE ${where}`, [projectId, id]);
      return rows[0] ? { version: rows[0].createdAt.getTime(), size: rows[0].size } : null;
    },
    load: async (projectId, id) => {
      const { rows } = await boundedQuery<{ content: Buffer }>(`SELECT content FROM "${table}" WHERE ${where}`, [projectId, id]);
      if (!rows[0]) return null;
      try {
        return parse(Buffer.from(rows[0].content));
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        logger.warn(`a stored upload of ${name} no longer reads: it is not applied`, { projectId, id, error: error.message });
        return null;
      }
    },
  });
}
