import { timeWindow } from "@/lib/analytics/timeWindow";
import type { Timeframe } from "@/lib/domain/timeframe";

const HOUR = 3_600_000;

export const TIMEFRAME_MS: Record<Timeframe, number> = { "1h": HOUR, "24h": 24 * HOUR, "7d": 7 * 24 * HOUR, "30d": 30 * 24 * HOUR };

export const TIMEFRAME_LABELS: Record<Timeframe, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

/** The shortest dashboard timeframe of a day or more whose window reaches back to `at` (30 days when none does): links to the list of something last seen then. */
export function timeframeCovering(at: string | Date, now = Date.now()): Timeframe {
  const ago = now - new Date(at).getTime();
  return (["24h", "7d"] as const).find((tf) => ago <= TIMEFRAME_MS[tf]) ?? "30d";
}

/**
 * The list's `since` for a timeframe: the start of the view's window for it (whole buckets, see
 * timeWindow), so the list and its row counts cover exactly the period the cards count.
 */
export function timeframeSince(timeframe: Timeframe, now = new Date()): string {
  return timeWindow(timeframe, now).start.toISOString();
}
