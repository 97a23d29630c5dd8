import { pool } from "@/lib/db/pool";

/**
 * A sender recording an outcome gives up this long before its lease runs out (the database's clock
 * and this process's may differ a little): past the lease another instance may send the row again.
 */
export const RECORD_BEFORE_LEASE_ENDS_MS = 5_000;

/** The outbox tables leased this way, and the column a caller may narrow them by. */
type Outbox = { table: "Delivery"; scope: "workspaceId" } | { table: "ForwardingDelivery"; scope: "projectId" };

/**
 * Leases due rows of an outbox (pending, `nextAttemptAt` passed, no live lease) to this instance:
 * picked with FOR UPDATE SKIP LOCKED and leased until the database clock passes `lockedUntil`, so
 * several instances (and the in-process fast path) never send one row at once and a crashed sender's
 * lease simply expires. Each lease counts an attempt. Due-ness uses the injected `now` (tests drive
 * retries with it), the lease the database clock. Optionally only `ids`, or rows of `scopeIds`.
 */
export async function leaseDueRows(
  outbox: Outbox,
  input: { now: Date; ids?: string[]; scopeIds?: string[]; limit: number; leaseSeconds: number },
): Promise<string[]> {
  if (input.ids && input.ids.length === 0) return [];
  const { table, scope } = outbox;
  const { rows } = await pool().query<{ id: string }>(
    `WITH due AS (
       SELECT id FROM "${table}"
       WHERE status = 'pending' AND "nextAttemptAt" <= $1::timestamptz
         AND ("lockedUntil" IS NULL OR "lockedUntil" < clock_timestamp())
         AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         AND ($3::uuid[] IS NULL OR "${scope}" = ANY($3::uuid[]))
       ORDER BY "nextAttemptAt"
       LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     UPDATE "${table}" d
     SET "lockedUntil" = clock_timestamp() + make_interval(secs => $5), attempts = d.attempts + 1, "updatedAt" = now()
     FROM due WHERE d.id = due.id
     RETURNING d.id`,
    [input.now.toISOString(), input.ids ?? null, input.scopeIds ?? null, input.limit, input.leaseSeconds],
  );
  return rows.map((r) => r.id);
}
