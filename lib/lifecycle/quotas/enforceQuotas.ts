import { pool } from "@/lib/db/pool";
import { ApiError } from "@/lib/http/ApiError";
import { quotaDecision, sentryRateLimitsHeader } from "@/lib/lifecycle/quotas/quotaDecision";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Per-project quotas (Project.quotaPerMinute / quotaPerDay), on both ingest doors: counts `events`
 * in the project's current minute and UTC-day windows (one statement, shared by every instance) and
 * refuses the request with 429, Retry-After and X-Sentry-Rate-Limits (categories error and default)
 * when a quota is passed; SDKs then hold back that category until the window ends. Nothing of a
 * refused request is stored.
 */
export async function enforceQuotas(projectId: string, events: number, now = Date.now()): Promise<void> {
  if (events === 0) return;
  const { rows: limits } = await pool().query<{ quotaPerMinute: number | null; quotaPerDay: number | null }>(
    `SELECT "quotaPerMinute", "quotaPerDay" FROM "Project" WHERE id = $1`,
    [projectId],
  );
  const project = limits[0];
  if (!project || (project.quotaPerMinute === null && project.quotaPerDay === null)) return;
  const minute = new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS);
  const day = new Date(Math.floor(now / DAY_MS) * DAY_MS);
  const { rows } = await pool().query<{ span: "minute" | "day"; count: number }>(
    `INSERT INTO "QuotaWindow" ("projectId", span, "windowStart", count)
     SELECT $1, w.span, w.start, $2 FROM (VALUES ('minute', $3::timestamptz, $5::boolean), ('day', $4::timestamptz, $6::boolean)) AS w(span, start, active)
     WHERE w.active
     ORDER BY 2
     ON CONFLICT ("projectId", span, "windowStart") DO UPDATE SET count = "QuotaWindow".count + excluded.count
     RETURNING span, count`,
    [projectId, events, minute, day, project.quotaPerMinute !== null, project.quotaPerDay !== null],
  );
  const counts = { minute: rows.find((r) => r.span === "minute")?.count ?? null, day: rows.find((r) => r.span === "day")?.count ?? null };
  const decision = quotaDecision(project, counts, now);
  if (!decision.over) return;
  const limit = decision.which === "day" ? `${project.quotaPerDay} events per day` : `${project.quotaPerMinute} events per minute`;
  throw new ApiError(429, "quota_exceeded", `project quota of ${limit} reached`, { retryAfter: decision.retryAfter, quota: decision.which }, {
    "retry-after": String(decision.retryAfter),
    "x-sentry-rate-limits": sentryRateLimitsHeader(decision.retryAfter),
  });
}
