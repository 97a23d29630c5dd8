import { db } from "@/lib/db/prisma";
import { CHUNK_TTL_MS } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";

/** Chunks of artifact-bundle uploads older than CHUNK_TTL_MS: assembled long ago, or of an upload never finished. */
export async function deleteStaleChunks(now: Date): Promise<number> {
  const { count } = await db().uploadChunk.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CHUNK_TTL_MS) } } });
  return count;
}
