import { db } from "@/lib/db/prisma";

/** A project's ingest keys, newest first. Only the prefix is stored in clear, so only it is returned. */
export async function listIngestKeys(input: { projectId: string }) {
  const keys = await db().ingestKey.findMany({
    where: { projectId: input.projectId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, keyPrefix: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
  return {
    items: keys.map((k) => ({
      id: k.id,
      name: k.name,
      keyPrefix: k.keyPrefix,
      createdAt: k.createdAt.toISOString(),
      revokedAt: k.revokedAt?.toISOString() ?? null,
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    })),
  };
}

export type IngestKeyList = Awaited<ReturnType<typeof listIngestKeys>>;
export type IngestKeySummary = IngestKeyList["items"][number];
