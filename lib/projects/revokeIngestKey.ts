import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";

export async function revokeIngestKey(input: { projectId: string; keyId: string }) {
  const { count } = await db().ingestKey.updateMany({
    where: { id: input.keyId, projectId: input.projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw ApiError.notFound("ingest key not found");
}
