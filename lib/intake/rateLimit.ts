import { pool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute window per project, counted in PostgreSQL so every app instance shares it.
 * Counts events; over the limit the request is refused with 429, Retry-After and Sentry's
 * X-Sentry-Rate-Limits naming the error category, and nothing is stored.
 */
export async function enforceRateLimit(project: { projectId: string; rateLimitPerMinute: number | null }, events: number, now = Date.now()): Promise<void> {
  const limit = project.rateLimitPerMinute ?? env().INGEST_RATE_LIMIT_PER_MINUTE;
  if (!limit || events === 0) return;
  const windowStart = new Date(Math.floor(now / WINDOW_MS) * WINDOW_MS);
  const { rows } = await pool().query<{ count: number }>(
    `INSERT INTO "RateLimitWindow" ("projectId", "windowStart", count) VALUES ($1, $2, $3)
     ON CONFLICT ("projectId", "windowStart") DO UPDATE SET count = "RateLimitWindow".count + excluded.count
     RETURNING count`,
    [project.projectId, windowStart, events],
  );
  // Old windows are useless; any instance trims them now and then (cheap, indexed by primary key).
  if (Math.random() < 0.01) {
    await pool().query(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < $1`, [new Date(now - 3_600_000)]);
  }
  if (rows[0].count <= limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now) / 1000));
  throw new ApiError(429, "rate_limited", `project rate limit of ${limit} events per minute reached`, { retryAfter }, {
    "retry-after": String(retryAfter),
    "x-sentry-rate-limits": `${retryAfter}:error;default:project:rate_limited`,
  });
}
