import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { uuidv7 } from "@/lib/ids/uuidv7";

export interface DoomedProject {
  id: string;
  workspaceId: string;
  name: string;
  publicId: number;
}

/**
 * The first step of a project's deletion, one short transaction: under the project's grouping lock
 * held exclusively — so every ingest transaction that is writing to it has committed first, and
 * every later one sees the mark and writes nothing (lib/grouping/store/projectWriteLock.ts) — the
 * project is marked deleting (hidden from then on), its keys are revoked (their sealed copies
 * dropped), it leaves the project lists of alert rules, channels and declared releases (a rule or
 * channel left with none is turned off: an empty list means every project), and the deletion is
 * audited. Returns the revoked keys' hashes, for the caches; null when the project is already being
 * deleted or gone (a second DELETE racing the first).
 */
export async function markProjectDeleting(project: DoomedProject, actorId: string): Promise<string[] | null> {
  return withTransaction(async (client) => {
    if (!(await lockLiveProject(client, project.id, "exclusive"))) return null;
    const keyHashes = await markDeletingAndRevokeKeys(client, [project.id]);
    for (const table of ["AlertRule", "NotificationChannel"]) {
      await client.query(
        `UPDATE "${table}" SET enabled = enabled AND cardinality(array_remove("projectIds", $1::uuid)) > 0, "projectIds" = array_remove("projectIds", $1::uuid), "updatedAt" = now()
         WHERE "workspaceId" = $2::uuid AND $1::uuid = ANY("projectIds")`,
        [project.id, project.workspaceId],
      );
    }
    // A release declared for it is no longer said to be one of its releases (the releases page's projects).
    await client.query(`UPDATE "DeclaredRelease" SET "projectIds" = array_remove("projectIds", $1::uuid) WHERE "workspaceId" = $2::uuid AND $1::uuid = ANY("projectIds")`, [
      project.id,
      project.workspaceId,
    ]);
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, $3, 'user', 'project.deleted', 'project', $4, $5, NULL)`,
      [uuidv7(), project.workspaceId, actorId, project.id, JSON.stringify({ name: project.name, publicId: project.publicId })],
    );
    return keyHashes;
  });
}

/**
 * Inside a transaction, with each project's grouping lock held exclusively: the projects are marked
 * deleting (hidden from then on) and their keys revoked (their sealed copies dropped). Returns the
 * revoked keys' hashes, for the caches. A project's deletion and a workspace's both begin with it.
 */
export async function markDeletingAndRevokeKeys(client: pg.PoolClient, projectIds: string[]): Promise<string[]> {
  await client.query(`UPDATE "Project" SET "deletingAt" = now() WHERE id = ANY($1::uuid[]) AND "deletingAt" IS NULL`, [projectIds]);
  const { rows: keys } = await client.query<{ keyHash: string }>(
    `UPDATE "IngestKey" SET "revokedAt" = coalesce("revokedAt", now()), "keySealed" = NULL WHERE "projectId" = ANY($1::uuid[]) RETURNING "keyHash"`,
    [projectIds],
  );
  return keys.map((k) => k.keyHash);
}
