import { timeParam, type SqlParams } from "@/lib/analytics/countsSql";
import type { TimeWindow } from "@/lib/analytics/timeWindow";

/**
 * Where a window's execution counts come from: per UTC day for day-aligned windows (30d), per hour
 * for hour-aligned ones (24h, 7d), per minute for 1h. `at(d)` is a parameter comparable with `time`
 * without conversion. Rows: (agents × environments) per time unit of the window.
 */
export function executionsSource(window: TimeWindow, p: SqlParams) {
  if (window.source === "daily") return { table: `"ExecutionDaily"`, time: "day", at: (d: Date) => timeParam("daily", d, p) };
  const hourly = window.source === "hourly";
  return { table: hourly ? `"ExecutionHourly"` : `"ExecutionMinute"`, time: hourly ? "hour" : "minute", at: (d: Date) => `${p.add(d)}::timestamptz` };
}
