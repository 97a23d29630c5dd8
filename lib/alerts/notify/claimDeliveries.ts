import { pool } from "@/lib/db/pool";

/**
 * Leases due deliveries to this instance: rows are picked with FOR UPDATE SKIP LOCKED and leased
 * until the wall clock passes `lockedUntil`, so several instances (and the in-process fast path)
 * never send the same delivery at once; a crashed sender's lease simply expires. Due-ness uses the
 * injected `now`, the lease the database clock.
 */
export async function claimDeliveries(input: {
  now: Date;
  ids?: string[];
  workspaceIds?: string[];
  limit: number;
  leaseSeconds: number;
}): Promise<string[]> {
  if (input.ids && input.ids.length === 0) return [];
  const { rows } = await pool().query<{ id: string }>(
    `WITH due AS (
       SELECT id FROM "Delivery"
       WHERE status = 'pending' AND "nextAttemptAt" <= $1::timestamptz
         AND ("lockedUntil" IS NULL OR "lockedUntil" < clock_timestamp())
         AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         AND ($3::uuid[] IS NULL OR "workspaceId" = ANY($3::uuid[]))
       ORDER BY "nextAttemptAt"
       LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     UPDATE "Delivery" d
     SET "lockedUntil" = clock_timestamp() + make_interval(secs => $5), attempts = d.attempts + 1, "updatedAt" = now()
     FROM due WHERE d.id = due.id
     RETURNING d.id`,
    [input.now.toISOString(), input.ids ?? null, input.workspaceIds ?? null, input.limit, input.leaseSeconds],
  );
  return rows.map((r) => r.id);
}
