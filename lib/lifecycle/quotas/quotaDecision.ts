export interface QuotaCounts {
  minute: number | null;
  day: number | null;
}

export interface QuotaLimits {
  quotaPerMinute: number | null;
  quotaPerDay: number | null;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Whether a project is over a quota after counting this request's events, and for how long: to the
 * end of the minute, or of the UTC day (whichever is later when both are exceeded). Pure.
 */
export function quotaDecision(limits: QuotaLimits, counts: QuotaCounts, now: number): { over: false } | { over: true; retryAfter: number; which: "minute" | "day" } {
  const overDay = limits.quotaPerDay !== null && counts.day !== null && counts.day > limits.quotaPerDay;
  const overMinute = limits.quotaPerMinute !== null && counts.minute !== null && counts.minute > limits.quotaPerMinute;
  if (!overDay && !overMinute) return { over: false };
  const untilMinute = Math.ceil((Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS - now) / 1000);
  const untilDay = Math.ceil((Math.floor(now / DAY_MS) * DAY_MS + DAY_MS - now) / 1000);
  return overDay ? { over: true, retryAfter: Math.max(1, untilDay), which: "day" } : { over: true, retryAfter: Math.max(1, untilMinute), which: "minute" };
}

/** Sentry's rate-limit header: the error categories of this project are limited for `retryAfter` s. */
export function sentryRateLimitsHeader(retryAfter: number, reason = "project_quota"): string {
  return `${retryAfter}:error;default:project:${reason}`;
}
