import { auditRow, userActor } from "@/lib/audit/auditRow";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanAdminister, assertUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { logger } from "@/lib/logger";
import { projectDsn } from "@/lib/projects/dsn";
import { findProject } from "@/lib/projects/findProject";
import { revealIngestKey } from "@/lib/projects/ingestKeySeal";
import { keyring } from "@/lib/security/keyring";

/**
 * GET /api/v1/projects/:id/keys/:keyId/dsn (admins): one live key in full, opened from its sealed
 * copy, with the project's DSN built as at creation (`origin`: PUBLIC_URL, else the request's host).
 * Every reveal is audited (`ingest_key.revealed`, never the key itself). Refusals: lib/projects/ingestKeySeal.ts.
 */
export async function revealProjectKey(auth: AuthContext, input: { projectId: string; keyId: string }, origin: string) {
  assertUser(auth);
  const project = await findProject(auth, input.projectId);
  assertCanAdminister(auth, project.workspaceId);
  const row = await db().ingestKey.findFirst({
    where: { id: input.keyId, projectId: project.id },
    select: { id: true, name: true, keyPrefix: true, revokedAt: true, keySealed: true },
  });
  if (!row) throw ApiError.notFound("ingest key not found");
  let key: string;
  try {
    key = revealIngestKey(row, keyring());
  } catch (error) {
    if (error instanceof ApiError && error.code === "secret_key_mismatch") logger.error("ingest key's sealed copy cannot be opened with the configured keys", { keyId: row.id });
    throw error;
  }
  await db().auditLog.create({
    data: auditRow({
      workspaceId: project.workspaceId,
      actor: userActor(auth.userId),
      action: "ingest_key.revealed",
      targetType: "ingest_key",
      targetId: row.id,
      after: { projectId: project.id, name: row.name, keyPrefix: row.keyPrefix },
    }),
  });
  return { id: row.id, name: row.name, keyPrefix: row.keyPrefix, key, dsn: projectDsn(origin, key, project.publicId) };
}

export type RevealedIngestKey = Awaited<ReturnType<typeof revealProjectKey>>;
