import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { QuotaLeases, type QuotaTicket } from "@/lib/intake/quotaLeases";
import { logger } from "@/lib/logger";

/**
 * Leases tokens from the per-project, per-minute counter every instance shares (RateLimitWindow).
 * The counter adds every ask, granted or not; what an ask got is the part of it that fits under the
 * limit after the asks serialized before it, so the sum granted never passes the limit.
 */
async function leaseFromDatabase(projectId: string, windowStart: number, want: number, limit: number): Promise<number> {
  const { rows } = await pool().query<{ count: number }>(
    `INSERT INTO "RateLimitWindow" ("projectId", "windowStart", count) VALUES ($1, $2, $3)
     ON CONFLICT ("projectId", "windowStart") DO UPDATE SET count = "RateLimitWindow".count + excluded.count
     RETURNING count`,
    [projectId, new Date(windowStart), want],
  );
  // Old windows are useless; any instance trims them now and then (cheap, indexed by primary key).
  if (Math.random() < 0.01) {
    await pool().query(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < $1`, [new Date(windowStart - 3_600_000)]);
  }
  const before = rows[0].count - want;
  return Math.max(0, Math.min(want, limit - before));
}

const globalForLimits = globalThis as unknown as { faultlineQuotas?: QuotaLeases };

function quotas(): QuotaLeases {
  globalForLimits.faultlineQuotas ??= new QuotaLeases(leaseFromDatabase, (error) =>
    logger.warn("rate-limit lease failed", { error: error instanceof Error ? error.message : String(error) }),
  );
  return globalForLimits.faultlineQuotas;
}

/**
 * The rate limit stage, decided before the body is read and without a query on the hot path (see
 * QuotaLeases): takes one event of the project's per-minute limit (its own `rateLimitPerMinute`,
 * else INGEST_RATE_LIMIT_PER_MINUTE; 0 = none) or throws 429 with Retry-After and
 * X-Sentry-Rate-Limits. Once the body is parsed, `extend` the ticket by the events beyond the first
 * (429 if they do not fit) and `refund` it when nothing was stored.
 */
export function admitEvents(project: { projectId: string; rateLimitPerMinute: number | null }): Promise<QuotaTicket> {
  const limit = project.rateLimitPerMinute ?? env().INGEST_RATE_LIMIT_PER_MINUTE;
  return quotas().take(project.projectId, limit, 1);
}
