import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { sha256Hex } from "@/lib/auth/tokens";

export type IngestKeyAuth = Extract<AuthContext, { kind: "ingestKey" }>;

/** The ingest key sent as `X-Faultline-Key: <key>` or `Authorization: Bearer <key>`. */
export function readIngestKey(req: Request): string | undefined {
  const header = req.headers.get("x-faultline-key")?.trim();
  if (header) return header;
  const authorization = req.headers.get("authorization")?.trim();
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Resolves a raw key to its project; 401 when missing, unknown or revoked. */
export async function authenticateIngestKey(rawKey: string | undefined): Promise<IngestKeyAuth> {
  if (!rawKey) throw ApiError.unauthorized("missing ingest key: send X-Faultline-Key or Authorization: Bearer");
  if (rawKey.length > 200) throw ApiError.unauthorized("invalid ingest key");
  const key = await db().ingestKey.findUnique({
    where: { keyHash: sha256Hex(rawKey) },
    select: { id: true, revokedAt: true, project: { select: { id: true, workspaceId: true } } },
  });
  if (!key || key.revokedAt) throw ApiError.unauthorized("invalid or revoked ingest key");
  return { kind: "ingestKey", keyId: key.id, projectId: key.project.id, workspaceId: key.project.workspaceId };
}
