import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newIngestKey, sha256Hex } from "@/lib/auth/tokens";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { sealNewIngestKey } from "@/lib/projects/ingestKeySeal";

/**
 * Creates a key and returns it in full. The database keeps its SHA-256 (how ingest finds it) and a
 * sealed copy (lib/projects/ingestKeySeal.ts) admins can reveal later; `kept` is false when this
 * process had no FAULTLINE_SECRET_KEY to seal it with (a script or the CLI run without one).
 */
export async function createIngestKey(input: { projectId: string; name: string }, tx: Prisma.TransactionClient = db()) {
  const key = newIngestKey();
  const id = uuidv7();
  const keySealed = sealNewIngestKey(id, key);
  const row = await tx.ingestKey.create({
    data: { id, projectId: input.projectId, name: input.name, keyHash: sha256Hex(key), keyPrefix: key.slice(0, 8), keySealed },
    select: { id: true, name: true, keyPrefix: true, createdAt: true },
  });
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, createdAt: row.createdAt.toISOString(), key, kept: keySealed !== null };
}
