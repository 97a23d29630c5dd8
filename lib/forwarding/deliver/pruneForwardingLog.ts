import { pool } from "@/lib/db/pool";

/** The smallest UUIDv7 of a millisecond: ids below it were created before that moment. */
export function uuidv7Floor(at: number): string {
  const hex = Math.max(0, Math.floor(at)).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Deletes settled (delivered or failed) forwarding deliveries older than `retentionDays`, at most
 * `limit` rows a call. Ids are UUIDv7, so "older than" is a range of the primary key: no scan.
 */
export async function pruneForwardingLog(input: { now: Date; retentionDays: number; limit?: number }): Promise<number> {
  const cutoff = uuidv7Floor(input.now.getTime() - input.retentionDays * 86_400_000);
  const { rowCount } = await pool().query(
    `DELETE FROM "ForwardingDelivery" WHERE id IN (
       SELECT id FROM "ForwardingDelivery" WHERE id < $1::uuid AND status <> 'pending' ORDER BY id LIMIT $2)`,
    [cutoff, input.limit ?? 5000],
  );
  return rowCount ?? 0;
}
