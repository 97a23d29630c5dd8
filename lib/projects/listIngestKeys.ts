import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { findProject } from "@/lib/projects/findProject";

/**
 * A project's ingest keys, newest first (admins). Never the key: its prefix, and `revealable` — a
 * live key with a sealed copy, which GET …/keys/:keyId/dsn shows in full (false for revoked keys and
 * for keys created before copies were kept).
 */
export async function listIngestKeys(auth: AuthContext, projectId: string) {
  const project = await findProject(auth, projectId);
  assertCanAdminister(auth, project.workspaceId);
  const keys = await db().ingestKey.findMany({
    where: { projectId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, keyPrefix: true, createdAt: true, revokedAt: true, lastUsedAt: true, keySealed: true },
  });
  return {
    items: keys.map((k) => ({
      id: k.id,
      name: k.name,
      keyPrefix: k.keyPrefix,
      createdAt: k.createdAt.toISOString(),
      revokedAt: k.revokedAt?.toISOString() ?? null,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revealable: k.revokedAt === null && k.keySealed !== null,
    })),
  };
}

export type IngestKeyList = Awaited<ReturnType<typeof listIngestKeys>>;
export type IngestKeySummary = IngestKeyList["items"][number];
