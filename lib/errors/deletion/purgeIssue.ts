import type pg from "pg";
import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { pool, retryOnDeadlock, withTransaction } from "@/lib/db/pool";
import { createPurgedEvents, deleteEventCompanions, subtractEventShares, takeOccurrences } from "@/lib/errors/deletion/eventShares";
import type { DoomedIssue } from "@/lib/errors/deletion/markIssueDeleting";
import { GROUP_ROW_TABLES } from "@/lib/projects/deletion/projectRowTables";
import { deleteRows, PURGE_BATCH } from "@/lib/projects/deletion/purgeProject";

export interface IssuePurgeResult {
  /** Rows deleted per table ("ErrorGroup" once its row went). */
  deleted: Record<string, number>;
}

/**
 * The second step of an issue's deletion (after markIssueDeleting: nothing writes to it, the
 * dashboard no longer counts it), run by the project-deletion job: its rows are deleted in short
 * transactions of at most PURGE_BATCH rows each, as a project's are (lib/projects/deletion/purgeProject.ts)
 * — first its stored events, each batch with what they counted per user, agent, recovery outcome
 * and release (lib/errors/deletion/eventShares.ts) and what is kept per event id (event ids,
 * attachments, user feedback, forwarded copies); then the event ids of its events that were counted
 * but not stored, with the same companions; then the rows kept per issue (users, agents, tags,
 * fingerprint counts, checklist ticks); last the issue's row, its fingerprints, comments, links,
 * subscriptions, notifications and alerts going with it. Under the issue's purge lease (an advisory
 * lock, released if this instance dies): `wait` waits for a purge in progress elsewhere, otherwise an
 * issue another instance is purging is skipped (null). Safe to run again after an interruption: it
 * takes up where the deleted rows end.
 */
export async function purgeIssue(issue: DoomedIssue, options: { wait?: boolean } = {}): Promise<IssuePurgeResult | null> {
  const leased = await withAdvisoryLock(advisoryLockKey(`issue-purge:${issue.id}`), () => purge(issue), options);
  return leased.ran ? leased.result : null;
}

async function purge(issue: DoomedIssue): Promise<IssuePurgeResult> {
  const deleted: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n > 0) deleted[table] = (deleted[table] ?? 0) + n;
  };
  const { rows: marked } = await pool().query(`SELECT 1 FROM "ErrorGroup" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [issue.id]);
  // Gone already (purged while this waited for the lease), or never marked: nothing to do.
  if (marked.length === 0) return { deleted };

  // Its stored events, through the (groupId, occurredAt) index.
  for (;;) {
    const batch = await eventBatch(async (client) =>
      takeOccurrences(client, `SELECT id, "occurredAt" FROM "ErrorOccurrence" WHERE "groupId" = $1::uuid LIMIT ${PURGE_BATCH}`, [issue.id]),
    );
    count("ErrorOccurrence", batch.taken);
    for (const [table, n] of Object.entries(batch.companions)) count(table, n);
    if (batch.taken === 0) break;
  }
  // The ids of its events that were counted without being stored (spike protection, the per-issue cap), and their companions.
  for (;;) {
    const batch = await eventBatch(async (client) => {
      const { rowCount } = await client.query(
        `WITH ids AS (
           DELETE FROM "ErrorEventId" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "ErrorEventId" WHERE "projectId" = $2::uuid AND "groupId" = $1::uuid LIMIT ${PURGE_BATCH}))
           RETURNING "projectId", "eventId"
         )
         INSERT INTO purged_events ("projectId", "eventId") SELECT "projectId", "eventId" FROM ids`,
        [issue.id, issue.projectId],
      );
      return rowCount ?? 0;
    });
    count("ErrorEventId", batch.taken);
    for (const [table, n] of Object.entries(batch.companions)) count(table, n);
    if (batch.taken === 0) break;
  }
  for (const { table, column } of GROUP_ROW_TABLES) count(table, await deleteRows(table, `"${column}" = $1::uuid`, [issue.id]));
  // Its fingerprints, fingerprint counts, comments, links, subscriptions, notifications and alerts go with it (a few rows each).
  count("ErrorGroup", (await retryOnDeadlock(() => pool().query(`DELETE FROM "ErrorGroup" WHERE id = $1::uuid AND "deletingAt" IS NOT NULL`, [issue.id]))).rowCount ?? 0);
  noteWorkspaceWrite(issue.workspaceId);
  return { deleted };
}

/**
 * One batch: `take` deletes events into purged_events (returning how many it took), then their
 * shares and companions go, in the same transaction. Run again when PostgreSQL aborted it to break
 * a deadlock (the actor fold upserting the same rows).
 */
async function eventBatch(take: (client: pg.PoolClient) => Promise<number>): Promise<{ taken: number; companions: Record<string, number> }> {
  return retryOnDeadlock(() =>
    withTransaction(async (client) => {
      await createPurgedEvents(client);
      const taken = await take(client);
      if (taken === 0) return { taken, companions: {} };
      await subtractEventShares(client);
      return { taken, companions: await deleteEventCompanions(client) };
    }),
  );
}
