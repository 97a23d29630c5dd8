import { timeParam, type SqlParams } from "@/lib/analytics/countsSql";
import type { TimeWindow } from "@/lib/analytics/timeWindow";

/**
 * Where a window's execution counts come from: per UTC day for day-aligned windows (30d), per
 * minute otherwise. `at(d)` is a parameter comparable with `time` without conversion.
 */
export function executionsSource(window: TimeWindow, p: SqlParams) {
  const daily = window.source === "daily";
  return {
    table: daily ? `"ExecutionDaily"` : `"ExecutionMinute"`,
    time: daily ? "day" : "minute",
    at: (d: Date) => (daily ? timeParam("daily", d, p) : `${p.add(d)}::timestamptz`),
  };
}
