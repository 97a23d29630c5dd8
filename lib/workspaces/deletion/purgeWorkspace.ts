import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { pool, withTransaction } from "@/lib/db/pool";
import { deleteRows } from "@/lib/projects/deletion/purgeProject";
import { purgeProject } from "@/lib/projects/deletion/purgeProject";
import { forgetWorkspaceCaches } from "@/lib/workspaces/deletion/forgetWorkspaceCaches";
import { markWorkspaceProjectsDeleting } from "@/lib/workspaces/deletion/markWorkspaceDeleting";
import { WORKSPACE_ROW_TABLES } from "@/lib/workspaces/deletion/workspaceRowTables";

export interface WorkspacePurgeResult {
  /** Rows deleted per table, its projects' together ("Workspace" once its row went). */
  deleted: Record<string, number>;
  /** The projects deleted with it. */
  projects: number;
}

/**
 * The second step of a workspace's deletion (after markWorkspaceDeleting: no one reaches it, nothing
 * writes to its projects any more), run by the project-deletion job: a project created while the
 * deletion began is marked deleting too; then each project is deleted as a project's deletion does
 * it — its rows in batches of short statements (lib/projects/deletion/purgeProject.ts); then the
 * workspace's own rows in batches (notifications, deliveries, alerts, the activity log, releases,
 * upload chunks, saved searches: lib/workspaces/deletion/workspaceRowTables.ts); last the workspace's
 * row, with its members, invitations, teams, rules and channels (a few rows each, by their foreign
 * keys). Under the workspace's purge lease (an advisory lock, released if this instance dies): `wait`
 * waits for a purge in progress elsewhere (the CLI), otherwise a workspace another instance is
 * purging is skipped (null; the job). Safe to run again after an interruption: it takes up where the
 * deleted rows end.
 */
export async function purgeWorkspace(workspaceId: string, options: { wait?: boolean } = {}): Promise<WorkspacePurgeResult | null> {
  const leased = await withAdvisoryLock(advisoryLockKey(`workspace-purge:${workspaceId}`), () => purge(workspaceId), options);
  return leased.ran ? leased.result : null;
}

async function purge(workspaceId: string): Promise<WorkspacePurgeResult> {
  const deleted: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n > 0) deleted[table] = (deleted[table] ?? 0) + n;
  };
  const { rows: marked } = await pool().query(`SELECT 1 FROM "Workspace" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [workspaceId]);
  // Gone already (purged while this waited for the lease), or never marked: nothing to do.
  if (marked.length === 0) return { deleted, projects: 0 };

  const { projects, keyHashes } = await withTransaction((client) => markWorkspaceProjectsDeleting(client, workspaceId));
  if (keyHashes.length > 0) forgetWorkspaceCaches(workspaceId, projects, keyHashes);
  for (const project of projects) {
    // Waits for a purge of the project another caller began (a project deletion interrupted before the workspace's).
    const result = await purgeProject(project, { wait: true });
    for (const [table, n] of Object.entries(result?.deleted ?? {})) count(table, n);
  }
  for (const { table } of WORKSPACE_ROW_TABLES) count(table, await deleteRows(table, `"workspaceId" = $1::uuid`, [workspaceId]));
  count("Workspace", (await pool().query(`DELETE FROM "Workspace" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [workspaceId])).rowCount ?? 0);
  noteWorkspaceWrite(workspaceId);
  return { deleted, projects: projects.length };
}
