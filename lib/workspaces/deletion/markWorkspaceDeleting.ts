import type pg from "pg";
import { withTransaction } from "@/lib/db/pool";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { markDeletingAndRevokeKeys, type DoomedProject } from "@/lib/projects/deletion/markProjectDeleting";

export interface DoomedWorkspace {
  id: string;
  name: string;
  slug: string;
  deletingAt: Date;
  /** Every project of the workspace (each marked deleting now, or already). */
  projects: DoomedProject[];
  /** The revoked keys' hashes, for the caches (lib/workspaces/deletion/forgetWorkspaceCaches.ts). */
  keyHashes: string[];
  /** Its members when the deletion began (they lost it at once). */
  members: number;
}

/**
 * The first step of a workspace's deletion, one short transaction. Under the workspace's row lock
 * (FOR NO KEY UPDATE: a second deletion waits for this one and then finds it marked; ingest's foreign
 * keys to the row are not held up) it marks the workspace deleting — from then on it is no one's
 * membership (lib/auth/workspaceAccess.ts): gone from every member's list, switcher and API (404) —
 * then marks every project deleting and revokes their keys under each project's grouping lock, as a
 * project's deletion does (markWorkspaceProjectsDeleting). Its alert rules, notification channels and
 * forwarding rules are turned off, so nothing is sent on its behalf while its rows are deleted, and
 * its pending invitations withdrawn (their links answer 410). Null when the workspace is already being
 * deleted or gone (a second DELETE racing the first).
 */
export async function markWorkspaceDeleting(workspaceId: string): Promise<DoomedWorkspace | null> {
  return withTransaction(async (client) => {
    const { rows: found } = await client.query<{ id: string; name: string; slug: string }>(
      `SELECT id, name, slug FROM "Workspace" WHERE id = $1::uuid AND "deletingAt" IS NULL FOR NO KEY UPDATE`,
      [workspaceId],
    );
    if (found.length === 0) return null;
    const { rows: marked } = await client.query<{ deletingAt: Date }>(`UPDATE "Workspace" SET "deletingAt" = now() WHERE id = $1::uuid RETURNING "deletingAt"`, [workspaceId]);
    const { projects, keyHashes } = await markWorkspaceProjectsDeleting(client, workspaceId);
    for (const table of ["AlertRule", "NotificationChannel", "ForwardingRule"]) {
      await client.query(`UPDATE "${table}" SET enabled = false, "updatedAt" = now() WHERE "workspaceId" = $1::uuid AND enabled`, [workspaceId]);
    }
    await client.query(`UPDATE "Invitation" SET "revokedAt" = now() WHERE "workspaceId" = $1::uuid AND "acceptedAt" IS NULL AND "revokedAt" IS NULL`, [workspaceId]);
    const { rows: members } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Membership" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    return { ...found[0], deletingAt: marked[0].deletingAt, projects, keyHashes, members: members[0].n };
  });
}

/**
 * Inside a transaction: every project of the workspace not yet being deleted is marked deleting and
 * its keys revoked (their sealed copies dropped), each under its grouping lock held exclusively, taken
 * in id order — every ingest transaction writing to it has committed first, and every later one sees
 * the mark and writes nothing (lib/grouping/store/projectWriteLock.ts). Used when the deletion begins
 * and again when the job purges the workspace, for a project created while it began. Returns every
 * project of the workspace and the keys revoked now.
 */
export async function markWorkspaceProjectsDeleting(client: pg.PoolClient, workspaceId: string): Promise<{ projects: DoomedProject[]; keyHashes: string[] }> {
  const { rows: projects } = await client.query<DoomedProject & { deleting: boolean }>(
    `SELECT id, "workspaceId", name, "publicId", "deletingAt" IS NOT NULL AS deleting FROM "Project" WHERE "workspaceId" = $1::uuid ORDER BY id`,
    [workspaceId],
  );
  const live: string[] = [];
  for (const project of projects) {
    if (!project.deleting && (await lockLiveProject(client, project.id, "exclusive"))) live.push(project.id);
  }
  if (live.length === 0) return { projects: projects.map(doomed), keyHashes: [] };
  return { projects: projects.map(doomed), keyHashes: await markDeletingAndRevokeKeys(client, live) };
}

function doomed({ id, workspaceId, name, publicId }: DoomedProject): DoomedProject {
  return { id, workspaceId, name, publicId };
}
