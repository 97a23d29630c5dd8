import { pool } from "@/lib/db/pool";
import type { OutboxBatch } from "@/lib/ingest/alertOutbox";

/** Outbox rows are deleted once their batch has been evaluated (by the instance that wrote them or the job). */
export async function deleteOutboxRows(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await pool().query(`DELETE FROM "AlertOutbox" WHERE id = ANY($1::uuid[])`, [ids]);
}

/**
 * Takes over rows whose lease ran out (their instance crashed or is stuck): each is leased again for
 * `leaseMs` so one job run owns it. Skips rows another transaction is claiming right now.
 */
export async function claimExpiredOutboxRows(limit: number, leaseMs: number): Promise<{ id: string; batch: OutboxBatch; createdAt: Date }[]> {
  const { rows } = await pool().query<{ id: string; batch: OutboxBatch; createdAt: Date }>(
    `WITH due AS (
       SELECT id FROM "AlertOutbox" WHERE "claimedUntil" < now() ORDER BY "claimedUntil" LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE "AlertOutbox" o SET "claimedUntil" = now() + ($2::int * interval '1 millisecond')
     FROM due WHERE o.id = due.id
     RETURNING o.id, o.batch, o."createdAt"`,
    [limit, leaseMs],
  );
  return rows;
}
