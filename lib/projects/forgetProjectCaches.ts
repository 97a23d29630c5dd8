import { forgetIngestKey } from "@/lib/auth/ingestKeyAuth";
import { db } from "@/lib/db/prisma";
import { forgetSentryProject } from "@/lib/sentry/authenticateSentryRequest";

/**
 * The ingest doors cache a project's limits with its keys and by its DSN id (lib/db/readThroughCache.ts).
 * After a settings change (quotas, rate limit, origins) or a deletion, this instance drops those
 * entries at once; every other instance re-reads them within KEY_MAX_AGE_MS.
 */
export async function forgetProjectCaches(project: { id: string; publicId: number }, keyHashes?: string[]): Promise<void> {
  const hashes = keyHashes ?? (await db().ingestKey.findMany({ where: { projectId: project.id }, select: { keyHash: true } })).map((k) => k.keyHash);
  for (const hash of hashes) forgetIngestKey(hash);
  forgetSentryProject(project.publicId);
}
