const DAY = 86_400_000;
/** Reports go out from 08:00 UTC on Monday, and only that day (an instance down all Monday skips the week). */
const SEND_FROM_HOUR = 8;

/**
 * The week (Monday 00:00 to Monday 00:00, UTC) whose weekly report is due at `now`, or null: due
 * from Monday 08:00 UTC to the end of that Monday, for the week that ended at its midnight.
 */
export function weeklyReportDue(now: Date): { weekStart: Date; weekEnd: Date } | null {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (now.getUTCDay() !== 1 || now.getUTCHours() < SEND_FROM_HOUR) return null;
  return { weekStart: new Date(midnight - 7 * DAY), weekEnd: new Date(midnight) };
}
