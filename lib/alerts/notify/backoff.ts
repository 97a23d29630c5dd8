/** Waits between attempts: 2 s, 10 s, 1 min, 5 min, then every 30 min, each ±20 % so retries spread out. */
const DELAYS_MS = [2_000, 10_000, 60_000, 5 * 60_000, 30 * 60_000];

export function retryDelayMs(attemptsSoFar: number, random: () => number = Math.random): number {
  const base = DELAYS_MS[Math.min(Math.max(attemptsSoFar, 1), DELAYS_MS.length) - 1];
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface SendOutcome {
  ok: boolean;
  /** HTTP status, or the SMTP reply code. */
  status?: number;
  /** Short, secret-free description of what failed. */
  error?: string;
  /** False when trying again cannot help (a 4xx rejection, no SMTP server configured). */
  retryable: boolean;
  durationMs: number;
}

export type DeliveryDecision =
  | { status: "delivered" }
  | { status: "pending"; nextAttemptAt: Date }
  | { status: "failed" };

/** After an attempt: delivered, retry later with backoff, or give up (permanent error or attempts used up). */
export function decideAfterAttempt(outcome: SendOutcome, attempts: number, maxAttempts: number, now: Date, random?: () => number): DeliveryDecision {
  if (outcome.ok) return { status: "delivered" };
  if (!outcome.retryable || attempts >= maxAttempts) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, random)) };
}

/** HTTP statuses worth retrying: server errors, timeouts and rate limiting. Other 4xx are final. */
export function isRetryableHttpStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
