import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { pool, retryOnDeadlock } from "@/lib/db/pool";
import { GROUP_ROW_TABLES, PENDING_ACTOR_TABLE, PROJECT_ROW_TABLES, type ProjectRowLead } from "@/lib/projects/deletion/projectRowTables";

/** Rows per DELETE statement: each is its own short transaction, holding the locks of these rows only. */
export const PURGE_BATCH = 5_000;
/** Issues per batch: their occurrences and rollups are deleted, then they are. */
const GROUP_BATCH = 500;

export interface PurgeResult {
  /** Rows deleted per table ("Project" once its row went). */
  deleted: Record<string, number>;
}

/**
 * The second step of a project's deletion (after markProjectDeleting: nothing writes to it any
 * more): its rows are deleted in batches of at most PURGE_BATCH rows, each batch a statement of its
 * own, so no long transaction holds locks another project's ingest could wait on — the pending
 * per-actor counts first (the fold then has nothing of it to add), then per batch of issues their
 * occurrences, rollups, users, agents, tags and cascades and the issues themselves, then the rows
 * kept per project (event ids, project rollups, sessions, executions, feedback, attachments, source
 * maps, monitors' runs, counters), and last the project's row (its keys, monitors, rules and mutes
 * go with it). Under the project's purge lease (an advisory lock, released if this instance dies):
 * `wait` waits for a purge in progress elsewhere (the DELETE request), otherwise a project another
 * instance is purging is skipped (null; the interrupted-deletion job). Safe to run again after an
 * interruption: it takes up where the deleted rows end.
 */
export async function purgeProject(project: { id: string; workspaceId: string }, options: { wait?: boolean } = {}): Promise<PurgeResult | null> {
  const leased = await withAdvisoryLock(advisoryLockKey(`project-purge:${project.id}`), () => purge(project), options);
  return leased.ran ? leased.result : null;
}

async function purge(project: { id: string; workspaceId: string }): Promise<PurgeResult> {
  const deleted: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n > 0) deleted[table] = (deleted[table] ?? 0) + n;
  };
  const { rows: marked } = await pool().query(`SELECT 1 FROM "Project" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [project.id]);
  // Gone already (purged while this waited for the lease), or never marked: nothing to do.
  if (marked.length === 0) return { deleted };

  count(PENDING_ACTOR_TABLE, await deleteRows(PENDING_ACTOR_TABLE, `"projectId" = $1::uuid`, [project.id]));
  for (;;) {
    const { rows } = await pool().query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1::uuid LIMIT ${GROUP_BATCH}`, [project.id]);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    count("ErrorOccurrence", await deleteOccurrences(ids));
    for (const { table, column } of GROUP_ROW_TABLES) count(table, await deleteRows(table, `"${column}" = ANY($1::uuid[])`, [ids]));
    // Their comments, links, subscriptions, notifications, alerts and fingerprints go with them (a few rows each).
    count("ErrorGroup", (await retryOnDeadlock(() => pool().query(`DELETE FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [ids]))).rowCount ?? 0);
  }
  count(
    "CronCheckIn",
    await deleteRows("CronCheckIn", `"monitorId" IN (SELECT id FROM "CronMonitor" WHERE "projectId" = $1::uuid)`, [project.id]),
  );
  for (const { table, lead } of PROJECT_ROW_TABLES) count(table, await deleteProjectRows(table, lead, project));
  count("Project", (await pool().query(`DELETE FROM "Project" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [project.id])).rowCount ?? 0);
  // Views this instance cached for the workspace no longer hold.
  noteWorkspaceWrite(project.workspaceId);
  return { deleted };
}

/** The rows of `table` (of PROJECT_ROW_TABLES) that belong to the project, through the index `lead` names. */
export function deleteProjectRows(table: string, lead: ProjectRowLead, project: { id: string; workspaceId: string }): Promise<number> {
  return lead === "projectId"
    ? deleteRows(table, `"projectId" = $1::uuid`, [project.id])
    : deleteRows(table, `"workspaceId" = $2::uuid AND "projectId" = $1::uuid`, [project.id, project.workspaceId]);
}

/**
 * Deletes the rows of `table` matching `where` (over `values`), PURGE_BATCH at a time by their
 * physical address, until a batch finds none (a batch cut short by a concurrent change is followed
 * by another, not taken for the end). A batch PostgreSQL aborted to break a deadlock (the actor fold
 * taking the same pending rows) is run again. Returns how many went.
 */
export async function deleteRows(table: string, where: string, values: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await retryOnDeadlock(() => pool().query(`DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "${table}" WHERE ${where} LIMIT ${PURGE_BATCH}))`, values));
    if (!rowCount) return total;
    total += rowCount;
  }
}

/** The issues' occurrences (partitioned: a row is known by its id and day), PURGE_BATCH at a time through the (groupId, occurredAt) index. */
async function deleteOccurrences(groupIds: string[]): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await retryOnDeadlock(() =>
      pool().query(
        `DELETE FROM "ErrorOccurrence" WHERE (id, "occurredAt") IN (
           SELECT id, "occurredAt" FROM "ErrorOccurrence" WHERE "groupId" = ANY($1::uuid[]) LIMIT ${PURGE_BATCH})`,
        [groupIds],
      ),
    );
    if (!rowCount) return total;
    total += rowCount;
  }
}
