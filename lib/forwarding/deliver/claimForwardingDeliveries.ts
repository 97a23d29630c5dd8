import { pool } from "@/lib/db/pool";

/**
 * Leases due deliveries to this instance (FOR UPDATE SKIP LOCKED, lease until `lockedUntil` on the
 * database clock), so instances and the in-process fast path never send one copy twice at once; a
 * crashed sender's lease expires. Due-ness uses the injected `now`, so tests can drive retries.
 */
export async function claimForwardingDeliveries(input: { now: Date; ids?: string[]; projectIds?: string[]; limit: number; leaseSeconds: number }): Promise<string[]> {
  if (input.ids && input.ids.length === 0) return [];
  const { rows } = await pool().query<{ id: string }>(
    `WITH due AS (
       SELECT id FROM "ForwardingDelivery"
       WHERE status = 'pending' AND "nextAttemptAt" <= $1::timestamptz
         AND ("lockedUntil" IS NULL OR "lockedUntil" < clock_timestamp())
         AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
         AND ($3::uuid[] IS NULL OR "projectId" = ANY($3::uuid[]))
       ORDER BY "nextAttemptAt"
       LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     UPDATE "ForwardingDelivery" d
     SET "lockedUntil" = clock_timestamp() + make_interval(secs => $5), attempts = d.attempts + 1, "updatedAt" = now()
     FROM due WHERE d.id = due.id
     RETURNING d.id`,
    [input.now.toISOString(), input.ids ?? null, input.projectIds ?? null, input.limit, input.leaseSeconds],
  );
  return rows.map((r) => r.id);
}
