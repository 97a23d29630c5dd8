import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { pool, withTransaction } from "@/lib/db/pool";
import { eraseEventBatch, ERASE_BATCH, type ErasureScope } from "@/lib/endUsers/erasure/eraseEvents";
import { eraseUserRows } from "@/lib/endUsers/erasure/eraseUserRows";
import { normaliseIdentifiers, type EndUserIdentifiers } from "@/lib/endUsers/erasureTerms";
import { markIssueDeleting } from "@/lib/errors/deletion/markIssueDeleting";
import { purgeIssue } from "@/lib/errors/deletion/purgeIssue";
import { uuidv7 } from "@/lib/ids/uuidv7";

const DAY = 86_400_000;

export interface ErasureRun {
  /** Rows deleted or rewritten per table, this run and the runs before it together. */
  deleted: Record<string, number>;
}

/**
 * Carries out an end user's erasure (lib/endUsers/erasure/requestErasure.ts), run by the
 * project-deletion job or the admin CLI: the workspace's events are searched one UTC day at a time
 * through the (workspaceId, occurredAt) index — the progress (`cursor`) saved after each day, so an
 * interrupted run takes up where it stopped — and each batch of the user's events is deleted with
 * everything it counted (lib/endUsers/erasure/eraseEvents.ts); an issue left without events is
 * deleted as an admin's deletion does (lib/errors/deletion). Then, in one transaction, their rows
 * kept apart from events go and the places that still name them are scrubbed
 * (lib/endUsers/erasure/eraseUserRows.ts), the erasure is marked done, its identifiers dropped (only
 * their hashes stay) and the outcome audited. Under the erasure's lease (an advisory lock): `wait`
 * waits for a run in progress elsewhere, otherwise an erasure another instance is running is skipped
 * (null). Events stored after the erasure was asked for are searched as far as the workspace's
 * latest event when the run began.
 */
export async function runErasure(erasureId: string, options: { wait?: boolean } = {}): Promise<ErasureRun | null> {
  const leased = await withAdvisoryLock(advisoryLockKey(`end-user-erasure:${erasureId}`), () => run(erasureId), options);
  return leased.ran ? leased.result : null;
}

async function run(erasureId: string): Promise<ErasureRun | null> {
  const { rows } = await pool().query<{ workspaceId: string; identifiers: EndUserIdentifiers | null; cursor: Date | null; deleted: Record<string, number>; hashes: unknown }>(
    `SELECT "workspaceId", identifiers, cursor, deleted, hashes FROM "EndUserErasure" WHERE id = $1::uuid AND status = 'pending'`,
    [erasureId],
  );
  // Done already (finished while this waited for the lease), or unknown.
  if (rows.length === 0 || !rows[0].identifiers) return null;
  const { workspaceId, cursor, hashes } = rows[0];
  const ids = normaliseIdentifiers(rows[0].identifiers);
  const deleted = { ...rows[0].deleted };
  const add = (counts: Record<string, number>) => {
    for (const [table, n] of Object.entries(counts)) if (n) deleted[table] = (deleted[table] ?? 0) + n;
  };
  const { rows: projects } = await pool().query<{ id: string }>(`SELECT id FROM "Project" WHERE "workspaceId" = $1::uuid AND "deletingAt" IS NULL`, [workspaceId]);
  const scope: ErasureScope = { workspaceId, projectIds: projects.map((p) => p.id), ids };

  const { rows: span } = await pool().query<{ first: Date | null; last: Date | null }>(
    `SELECT min("occurredAt") AS first, max("occurredAt") AS last FROM "ErrorOccurrence" WHERE "workspaceId" = $1::uuid`,
    [workspaceId],
  );
  if (span[0].first && span[0].last) {
    const end = span[0].last.getTime() + 1;
    for (let from = Math.floor((cursor?.getTime() ?? span[0].first.getTime()) / DAY) * DAY; from < end; from += DAY) {
      const to = new Date(from + DAY);
      for (;;) {
        const batch = await eraseEventBatch(scope, new Date(from), to);
        add(batch.deleted);
        for (const issue of batch.emptied) {
          // Nothing of it is left: it goes as an admin's deletion takes an issue (its last rows, the issue).
          if (await markIssueDeleting(issue, null)) add({ "ErrorGroup (emptied)": 1 });
          await purgeIssue(issue, { wait: true });
        }
        if (batch.found < ERASE_BATCH) break;
      }
      await pool().query(`UPDATE "EndUserErasure" SET cursor = $2, deleted = $3 WHERE id = $1::uuid`, [erasureId, to, JSON.stringify(deleted)]);
    }
  }

  await withTransaction(async (client) => {
    add(await eraseUserRows(client, workspaceId, ids));
    await client.query(`UPDATE "EndUserErasure" SET status = 'done', identifiers = NULL, "finishedAt" = now(), deleted = $2, "lastError" = NULL WHERE id = $1::uuid`, [
      erasureId,
      JSON.stringify(deleted),
    ]);
    await client.query(
      `INSERT INTO "AuditLog" (id, "workspaceId", "actorId", "actorType", action, "targetType", "targetId", before, after)
       VALUES ($1, $2, NULL, 'system', 'end_user.erased', 'end_user_erasure', $3, NULL, $4)`,
      [uuidv7(), workspaceId, erasureId, JSON.stringify({ hashes, events: deleted.ErrorOccurrence ?? 0, deleted })],
    );
  });
  noteWorkspaceWrite(workspaceId);
  return { deleted };
}
