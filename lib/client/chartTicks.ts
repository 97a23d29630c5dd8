import type { BucketGranularity } from "@/lib/client/zonedTime";

/**
 * Steps between x-axis ticks, in buckets, that read as regular: 5-minute buckets every 5, 10, 15,
 * 30 or 60 minutes; hours every 1, 2, 3, 4, 6, 12 or 24 hours; 6-hour buckets every 6 or 12 hours,
 * 1, 2 or 3 days; days every 1, 2, 3, 5, 7, 10 or 15 days.
 */
const STEPS: Record<BucketGranularity, number[]> = {
  minute: [1, 2, 3, 6, 12],
  hour: [1, 2, 3, 4, 6, 12, 24],
  sixHours: [1, 2, 4, 8, 12],
  day: [1, 2, 3, 5, 7, 10, 15],
};

/** The longest tick label, in characters: "14:00", "Wed 04:00", "Dec 10" (lib/client/zonedTime.ts bucketLabel). */
const LABEL_CHARS: Record<BucketGranularity, number> = { minute: 5, hour: 5, sixHours: 9, day: 6 };

/** Room a label takes: its characters at about 0.6 em each, plus the gap kept between labels. */
const labelSlot = (granularity: BucketGranularity, fontSize: number) => LABEL_CHARS[granularity] * fontSize * 0.6 + 16;

/**
 * The buckets an x axis labels: every `step` buckets, the step the smallest regular one (STEPS) whose
 * labels fit `plotWidth` pixels, counted back from the newest bucket (always labelled). A fixed step
 * keeps equal gaps equal durations: the chart library's own choice follows the labels' pixel widths,
 * which west or east of UTC alternated 18- and 12-hour gaps on the 7-day chart.
 */
export function evenTicks<T>(buckets: readonly T[], granularity: BucketGranularity, plotWidth: number, fontSize = 11): T[] {
  if (buckets.length === 0) return [];
  const fit = Math.max(1, Math.floor(plotWidth / labelSlot(granularity, fontSize)));
  const step = STEPS[granularity].find((s) => Math.ceil(buckets.length / s) <= fit) ?? buckets.length;
  const ticks: T[] = [];
  for (let i = buckets.length - 1; i >= 0; i -= step) ticks.push(buckets[i]);
  return ticks.reverse();
}
