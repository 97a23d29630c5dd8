import type { Timeframe } from "@/lib/domain/timeframe";

const HOUR = 3_600_000;

export const TIMEFRAME_MS: Record<Timeframe, number> = { "1h": HOUR, "24h": 24 * HOUR, "7d": 7 * 24 * HOUR, "30d": 30 * 24 * HOUR };

export const TIMEFRAME_LABELS: Record<Timeframe, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};
