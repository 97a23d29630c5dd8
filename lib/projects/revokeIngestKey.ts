import { forgetIngestKey } from "@/lib/auth/ingestKeyAuth";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

/**
 * Revokes an active key of the project (404 when there is none with that id): refused at once by this
 * instance, by every other within KEY_MAX_AGE_MS (lib/auth/ingestKeyAuth.ts). Its sealed copy goes
 * with it: a revoked key is never shown again. Returns the key's name and prefix.
 */
export async function revokeIngestKey(input: { projectId: string; keyId: string }) {
  const { count } = await db().ingestKey.updateMany({
    where: { id: input.keyId, projectId: input.projectId, revokedAt: null },
    data: { revokedAt: new Date(), keySealed: null },
  });
  if (count === 0) throw ApiError.notFound("ingest key not found");
  const key = await db().ingestKey.findUniqueOrThrow({ where: { id: input.keyId }, select: { name: true, keyPrefix: true, keyHash: true } });
  forgetIngestKey(key.keyHash);
  return { name: key.name, keyPrefix: key.keyPrefix };
}
