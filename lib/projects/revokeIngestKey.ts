import { forgetIngestKey } from "@/lib/auth/ingestKeyAuth";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/** Revokes a key: refused at once by this instance, by every other within KEY_MAX_AGE_MS (lib/auth/ingestKeyAuth.ts). */
export async function revokeIngestKey(input: { projectId: string; keyId: string }) {
  const { count } = await db().ingestKey.updateMany({
    where: { id: input.keyId, projectId: input.projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw ApiError.notFound("ingest key not found");
  const key = await db().ingestKey.findUnique({ where: { id: input.keyId }, select: { keyHash: true } });
  if (key) forgetIngestKey(key.keyHash);
}
