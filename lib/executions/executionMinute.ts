import { MAX_FUTURE_SKEW_MS } from "@/lib/ingest/prepareEvent";

/**
 * The time a count is recorded at: its `at`, or the receive time without one — and, as an event's
 * time is, the receive time when `at` is more than MAX_FUTURE_SKEW_MS ahead (a skewed clock, or
 * `9999-12-31`): such a row was stored years ahead, never aged out and skewed the error rate of
 * whatever range reached it.
 */
export function executionMinute(at: string | undefined, receivedAt: Date): Date {
  if (!at) return receivedAt;
  const time = new Date(at);
  return time.getTime() - receivedAt.getTime() > MAX_FUTURE_SKEW_MS ? receivedAt : time;
}
