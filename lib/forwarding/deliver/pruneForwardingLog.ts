import { pool } from "@/lib/db/pool";

/** The smallest UUIDv7 of a millisecond: ids below it were created before that moment. */
export function uuidv7Floor(at: number): string {
  const hex = Math.max(0, Math.floor(at)).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Deletes forwarding deliveries (each a copy of an event) older than `retentionDays`, at most `limit`
 * rows a call: delivered and failed ones, and pending ones too — retries give up within a day
 * (FORWARDING_MAX_ATTEMPTS, an hour apart at most), so a copy still pending after days is stuck (the
 * forwarding job not running) and would otherwise keep its event's data forever. A copy being sent at
 * this moment (leased) is left for the next turn. Ids are UUIDv7, so "older than" is a range of the
 * primary key: no scan. A project's shorter retention deletes its copies earlier (the retention job).
 */
export async function pruneForwardingLog(input: { now: Date; retentionDays: number; limit?: number }): Promise<number> {
  const cutoff = uuidv7Floor(input.now.getTime() - input.retentionDays * 86_400_000);
  const notBeingSent = (d: string) => `(${d}.status <> 'pending' OR ${d}."lockedUntil" IS NULL OR ${d}."lockedUntil" < clock_timestamp())`;
  const { rowCount } = await pool().query(
    `DELETE FROM "ForwardingDelivery" x WHERE ${notBeingSent("x")} AND x.id IN (
       SELECT d.id FROM "ForwardingDelivery" d WHERE d.id < $1::uuid AND ${notBeingSent("d")} ORDER BY d.id LIMIT $2)`,
    [cutoff, input.limit ?? 5000],
  );
  return rowCount ?? 0;
}
