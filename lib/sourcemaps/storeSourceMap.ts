import { gzipSync } from "node:zlib";
import type { Prisma, SourceMap } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** A checked map to store: the minified file it is for, its debug ID (if any), its JSON and how many sources it has. */
export interface StorableSourceMap {
  url: string;
  debugId: string | null;
  content: Buffer;
  sourceCount: number;
}

/**
 * Stores one map of a project (in the caller's transaction). A map with a debug ID replaces the one
 * stored with that ID; under a release it replaces what the release had for the same URL (a rebuild
 * of the release). Without a release it is found by its debug ID alone.
 */
export async function storeSourceMap(tx: Prisma.TransactionClient, projectId: string, release: string | null, map: StorableSourceMap): Promise<SourceMap> {
  const fields = { release, url: map.url, debugId: map.debugId, content: gzipSync(map.content), size: map.content.length, sourceCount: map.sourceCount, createdAt: new Date() };
  if (!map.debugId) {
    if (!release) throw new Error("a source map needs a release or a debug ID to be found by");
    return tx.sourceMap.upsert({ where: { projectId_release_url: { projectId, release, url: map.url } }, create: { id: uuidv7(), projectId, ...fields }, update: fields });
  }
  // Another build of the release for the same file goes; this build's map is kept by its debug ID.
  if (release) await tx.sourceMap.deleteMany({ where: { projectId, release, url: map.url, OR: [{ debugId: null }, { debugId: { not: map.debugId } }] } });
  return tx.sourceMap.upsert({ where: { projectId_debugId: { projectId, debugId: map.debugId } }, create: { id: uuidv7(), projectId, ...fields }, update: fields });
}
