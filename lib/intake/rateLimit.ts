import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/ApiError";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { NO_LIMIT, QuotaLeases, type LeaseTokens, type QuotaTicket } from "@/lib/intake/quotaLeases";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";
import { boundedQuery } from "@/lib/db/boundedQuery";

/** A project's limits as the ingest key / project caches carry them (no query to decide). */
export interface ProjectLimits {
  projectId: string;
  /** Events per minute (else INGEST_RATE_LIMIT_PER_MINUTE; 0 or unset: none). */
  rateLimitPerMinute: number | null;
  /** Quotas: events per minute and per UTC day (null: none). */
  quotaPerMinute: number | null;
  quotaPerDay: number | null;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The counters every instance shares: RateLimitWindow (the rate limit) and QuotaWindow (quotas, per
 * span). A lease adds its ask whether granted or not; what it got is the part that fits under the
 * limit after the asks serialized before it, so the sum granted never passes the limit.
 */
const leaseRateLimit: LeaseTokens = async (projectId, windowStart, want, limit) => {
  const { rows } = await boundedQuery<{ count: number }>(
    `INSERT INTO "RateLimitWindow" ("projectId", "windowStart", count) VALUES ($1, $2, $3)
     ON CONFLICT ("projectId", "windowStart") DO UPDATE SET count = "RateLimitWindow".count + excluded.count
     RETURNING count`,
    [projectId, new Date(windowStart), want],
  );
  return granted(rows[0].count, want, limit);
};

const leaseQuota =
  (span: string): LeaseTokens =>
  async (projectId, windowStart, want, limit) => {
    const { rows } = await boundedQuery<{ count: number }>(
      `INSERT INTO "QuotaWindow" ("projectId", span, "windowStart", count) VALUES ($1, $2, $3, $4)
       ON CONFLICT ("projectId", span, "windowStart") DO UPDATE SET count = "QuotaWindow".count + excluded.count
       RETURNING count`,
      [projectId, span, new Date(windowStart), want],
    );
    return granted(rows[0].count, want, limit);
  };

/**
 * While PostgreSQL is unavailable limits fail open: a lease is granted in full without being
 * counted, the events go to the spool (lib/intake/durableStore.ts), and counting resumes when it is back.
 */
function failOpen(lease: LeaseTokens): LeaseTokens {
  return async (projectId, windowStart, want, limit) => {
    try {
      return await lease(projectId, windowStart, want, limit);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return want;
      throw error;
    }
  };
}

function granted(countAfter: number, want: number, limit: number): number {
  return Math.max(0, Math.min(want, limit - (countAfter - want)));
}

/**
 * What a project's limits count, each in windows of its own: `events` (errors, CSP reports, user
 * feedback — and what comes with them: every request of the native door, every Sentry request but
 * the ones below) and `checkIns` (cron monitors' check-ins: Sentry's separate `monitor` category,
 * so an error storm does not make monitors miss runs, nor a check-in flood refuse errors). Sessions
 * and client reports count against neither.
 */
export type LimitCategory = "events" | "checkIns";

/**
 * The Sentry data categories (X-Sentry-Rate-Limits) a request over a limit of `category` is refused
 * for: over the event limits every envelope is, but one of only sessions, client reports and
 * check-ins (`session`, `internal`, `monitor`: lib/sentry/uncountedItems.ts) — SDKs back off the
 * categories named and keep sending the others.
 */
export const REFUSED_CATEGORIES: Record<LimitCategory, string> = {
  events: "error;default;security;attachment;feedback;transaction;span;profile;profile_chunk;replay;log_item;trace_metric;metric_bucket;statsd",
  checkIns: "monitor",
};

const NOUN: Record<LimitCategory, string> = { events: "events", checkIns: "check-ins" };

/** Sentry's rate-limit header: `category`'s data categories are limited for `retryAfter` s. */
export function sentryRateLimitsHeader(category: LimitCategory, retryAfter: number, reason: "rate_limited" | "project_quota"): string {
  return `${retryAfter}:${REFUSED_CATEGORIES[category]}:project:${reason}`;
}

// Header names in their canonical case: the ingest fast path writes them as given, and some SDKs'
// HTTP clients may look `Retry-After` up case-sensitively (sentry-elixir 10 compares the name as received).
function rateLimited(category: LimitCategory) {
  return (limit: number, retryAfter: number): ApiError =>
    new ApiError(429, "rate_limited", `project rate limit of ${limit} ${NOUN[category]} per minute reached`, { retryAfter }, {
      "Retry-After": String(retryAfter),
      "X-Sentry-Rate-Limits": sentryRateLimitsHeader(category, retryAfter, "rate_limited"),
    });
}

function quotaExceeded(category: LimitCategory, which: "minute" | "day") {
  return (limit: number, retryAfter: number): ApiError =>
    new ApiError(429, "quota_exceeded", `project quota of ${limit} ${NOUN[category]} per ${which} reached`, { retryAfter, quota: which }, {
      "Retry-After": String(retryAfter),
      "X-Sentry-Rate-Limits": sentryRateLimitsHeader(category, retryAfter, "project_quota"),
    });
}

interface Limiters {
  quotaDay: QuotaLeases;
  quotaMinute: QuotaLeases;
  rate: QuotaLeases;
}

const globalForLimits = globalThis as unknown as { faultlineLimitersByCategory?: Record<LimitCategory, Limiters> };

/**
 * Events count in RateLimitWindow and QuotaWindow's `minute` / `day` spans; check-ins in QuotaWindow's
 * `check_in_rate` / `check_in_minute` / `check_in_day` spans (the same numbers, counted apart).
 */
function limiters(category: LimitCategory): Limiters {
  if (!globalForLimits.faultlineLimitersByCategory) {
    const onBackgroundError = (error: unknown) => logger.warn("rate-limit lease failed", { error: errorMessage(error) });
    const of = (c: LimitCategory, rateLease: LeaseTokens, span: (which: "minute" | "day") => string): Limiters => ({
      quotaDay: new QuotaLeases({ windowMs: DAY_MS, lease: failOpen(leaseQuota(span("day"))), refuse: quotaExceeded(c, "day"), onBackgroundError }),
      quotaMinute: new QuotaLeases({ windowMs: MINUTE_MS, lease: failOpen(leaseQuota(span("minute"))), refuse: quotaExceeded(c, "minute"), onBackgroundError }),
      rate: new QuotaLeases({ windowMs: MINUTE_MS, lease: failOpen(rateLease), refuse: rateLimited(c), onBackgroundError }),
    });
    globalForLimits.faultlineLimitersByCategory = {
      events: of("events", leaseRateLimit, (which) => which),
      checkIns: of("checkIns", leaseQuota("check_in_rate"), (which) => `check_in_${which}`),
    };
  }
  return globalForLimits.faultlineLimitersByCategory[category];
}

/**
 * The rate-limit stage, decided before the body is read and without a query on the hot path (see
 * QuotaLeases): takes `n` (one, before the body is read) of `category` from each of the project's
 * limits — the day quota first (when both a quota and the rate limit are passed, the answer names
 * the longer wait), then the minute quota, then the rate limit — or throws 429 with Retry-After and
 * X-Sentry-Rate-Limits. Once the body is parsed, `extend` the ticket by the events beyond the first
 * (429 if they do not fit) and `refund` it when nothing was stored.
 */
export async function admitEvents(project: ProjectLimits, category: LimitCategory = "events", n = 1): Promise<QuotaTicket> {
  const l = limiters(category);
  const rate = project.rateLimitPerMinute ?? env().INGEST_RATE_LIMIT_PER_MINUTE;
  const checks: [QuotaLeases, number | null][] = [
    [l.quotaDay, project.quotaPerDay],
    [l.quotaMinute, project.quotaPerMinute],
    [l.rate, rate > 0 ? rate : null],
  ];
  const active = checks.filter(([, limit]) => limit !== null);
  if (active.length === 0) return NO_LIMIT;
  const tickets: QuotaTicket[] = [];
  const refund = () => tickets.forEach((t) => t.refund());
  try {
    for (const [limiter, limit] of active) tickets.push(await limiter.take(project.projectId, limit, n));
  } catch (error) {
    refund();
    throw error;
  }
  return {
    extend: async (n) => {
      try {
        for (const t of tickets) await t.extend(n);
      } catch (error) {
        refund();
        throw error;
      }
    },
    refund,
    keep: () => tickets.forEach((t) => t.keep()),
  };
}
