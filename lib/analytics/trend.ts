export type Trend = "increasing" | "stable" | "decreasing";

/** Current window vs the previous window of equal length; within ±20 % (or tiny numbers) is stable. */
export function trendOf(current: number, previous: number): Trend {
  if (current === previous) return "stable";
  if (previous === 0) return current >= 5 ? "increasing" : "stable";
  const change = (current - previous) / previous;
  if (change > 0.2) return "increasing";
  if (change < -0.2) return "decreasing";
  return "stable";
}
