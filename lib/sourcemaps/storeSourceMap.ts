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
 * of the release). Without a release it is found by its debug ID alone. Under a release it first
 * locks the release's URL (lockReleaseUrls).
 */
export async function storeSourceMap(tx: Prisma.TransactionClient, projectId: string, release: string | null, map: StorableSourceMap): Promise<SourceMap> {
  const fields = { release, url: map.url, debugId: map.debugId, content: gzipSync(map.content), size: map.content.length, sourceCount: map.sourceCount, createdAt: new Date() };
  if (release) await lockReleaseUrls(tx, projectId, release, [map.url]);
  if (!map.debugId) {
    if (!release) throw new Error("a source map needs a release or a debug ID to be found by");
    return tx.sourceMap.upsert({ where: { projectId_release_url: { projectId, release, url: map.url } }, create: { id: uuidv7(), projectId, ...fields }, update: fields });
  }
  // Another build of the release for the same file goes; this build's map is kept by its debug ID.
  if (release) await tx.sourceMap.deleteMany({ where: { projectId, release, url: map.url, OR: [{ debugId: null }, { debugId: { not: map.debugId } }] } });
  return tx.sourceMap.upsert({ where: { projectId_debugId: { projectId, debugId: map.debugId } }, create: { id: uuidv7(), projectId, ...fields }, update: fields });
}

/**
 * Locks a release's URLs in a project until the transaction ends. Two uploads of one release's file
 * at once (two builds: different debug IDs) each deleted what it could see and then collided on
 * (projectId, release, url) with the other's uncommitted row — a 409 for the later one instead of it
 * replacing the earlier; locked, the later waits and replaces. The locks are taken in one order
 * (sorted; one statement, the volatile lock calls made after its ORDER BY), so a caller storing
 * several maps locks them all first through here and two such callers wait for each other instead of
 * deadlocking (a lock the transaction holds is taken again without waiting).
 */
export async function lockReleaseUrls(tx: Prisma.TransactionClient, projectId: string, release: string, urls: string[]): Promise<void> {
  const keys = [...new Set(urls.map((url) => JSON.stringify(["source-map", projectId, release, url])))].sort();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i`;
}
