import { pool } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { sha256Hex } from "@/lib/auth/tokens";

export type IngestKeyAuth = Extract<AuthContext, { kind: "ingestKey" }>;

/** The ingest key sent as `X-Faultline-Key: <key>` or `Authorization: Bearer <key>`. */
export function readIngestKey(req: Pick<RequestHead, "headers">): string | undefined {
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
  // Raw SQL: this runs on every ingest request, and one indexed lookup is all it needs.
  const { rows } = await pool().query<{ id: string; revokedAt: Date | null; projectId: string; workspaceId: string }>(
    `SELECT k.id, k."revokedAt", p.id AS "projectId", p."workspaceId"
     FROM "IngestKey" k JOIN "Project" p ON p.id = k."projectId" WHERE k."keyHash" = $1`,
    [sha256Hex(rawKey)],
  );
  const key = rows[0];
  if (!key || key.revokedAt) throw ApiError.unauthorized("invalid or revoked ingest key");
  return { kind: "ingestKey", keyId: key.id, projectId: key.projectId, workspaceId: key.workspaceId };
}
