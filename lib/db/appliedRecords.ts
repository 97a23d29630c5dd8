import type pg from "pg";

/**
 * Claims a record id inside the caller's transaction: true the first time, false when the record's
 * counts were added before (AppliedRecord), so counts that are increments are added exactly once
 * however often the record is stored (directly, then again from the spool; a segment replayed twice).
 */
export async function claimRecord(client: pg.PoolClient, recordId: string): Promise<boolean> {
  const { rowCount } = await client.query(`INSERT INTO "AppliedRecord" (id) VALUES ($1) ON CONFLICT DO NOTHING`, [recordId]);
  return rowCount === 1;
}
