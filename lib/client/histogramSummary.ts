import { countOf } from "@/lib/client/format";
import { bucketTitle, type BucketGranularity } from "@/lib/client/zonedTime";

/**
 * A histogram in words, for those who cannot see the bars: the total and the busiest bucket
 * ("12 events in the last 24 hours; the most in one hour: 5 events, Dec 7, 14:00 UTC").
 */
export function histogramSummary(buckets: readonly { start: string; count: number }[], granularity: BucketGranularity, zone: string, period: string): string {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return `No events in ${period}.`;
  const peak = buckets.reduce((best, b) => (b.count > best.count ? b : best));
  const unit = granularity === "day" ? "day" : granularity === "sixHours" ? "six hours" : granularity === "hour" ? "hour" : "five minutes";
  return `${countOf(total, "event")} in ${period}; the most in one ${unit}: ${countOf(peak.count, "event")}, ${bucketTitle(peak.start, granularity, zone)}.`;
}
