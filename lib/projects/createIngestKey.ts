import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newIngestKey, sha256Hex } from "@/lib/auth/tokens";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Creates a key and returns it in full: this is the only time the raw key exists outside the client. */
export async function createIngestKey(input: { projectId: string; name: string }, tx: Prisma.TransactionClient = db()) {
  const key = newIngestKey();
  const row = await tx.ingestKey.create({
    data: { id: uuidv7(), projectId: input.projectId, name: input.name, keyHash: sha256Hex(key), keyPrefix: key.slice(0, 8) },
  });
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, createdAt: row.createdAt.toISOString(), key };
}
