import type { Envelope } from "@/lib/sentry/parseEnvelope";

/**
 * Items the event limits (rate limit, quotas) do not count: release-health sessions and client
 * reports (counts, added to rows that already exist; Sentry never rate-limits client reports) and
 * cron check-ins (counted apart, lib/intake/rateLimit.ts `checkIns`; Sentry's `monitor` category).
 */
const UNCOUNTED_ITEMS = new Set(["session", "sessions", "client_report", "check_in"]);

/**
 * Whether an envelope carries nothing the event limits count: only sessions, client reports and
 * check-ins (an empty envelope too). Such an envelope is admitted while the project is over its
 * event limits — an error storm must not cost cron monitors their check-ins (the monitor sweep
 * would record missed runs of jobs that ran) nor release health its sessions.
 */
export function carriesOnlyUncountedItems(envelope: Envelope): boolean {
  return envelope.items.every((item) => UNCOUNTED_ITEMS.has(item.type));
}
