import { timeWindow } from "@/lib/analytics/timeWindow";
import type { ListTimeframe, Timeframe } from "@/lib/domain/timeframe";

const HOUR = 3_600_000;

export const TIMEFRAME_MS: Record<Timeframe, number> = { "1h": HOUR, "24h": 24 * HOUR, "7d": 7 * 24 * HOUR, "30d": 30 * 24 * HOUR };

export const TIMEFRAME_LABELS: Record<ListTimeframe, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  all: "All time",
};

/** The picker's short text: the timeframe's own name ("24h"), "All" for all time. */
export const TIMEFRAME_SHORT: Record<ListTimeframe, string> = { "1h": "1h", "24h": "24h", "7d": "7d", "30d": "30d", all: "All" };

/**
 * The list's `since` for a timeframe: the start of the view's window for it (whole buckets, see
 * timeWindow), so the list and its row counts cover exactly the period the cards count.
 */
export function timeframeSince(timeframe: Timeframe, now = new Date()): string {
  return timeWindow(timeframe, now).start.toISOString();
}
