import type { Timeframe } from "@/lib/domain/timeframe";

/** Where bucketed counts come from: the 5-minute, hourly or daily per-group rollup. */
export type CountSource = "fiveMinute" | "hourly" | "daily";

export interface TimeWindow {
  timeframe: Timeframe;
  /** Inclusive start and exclusive end of the window, aligned to bucket boundaries (UTC). */
  start: Date;
  end: Date;
  /** Start of the previous window of equal length (for trends and rate changes). */
  prevStart: Date;
  bucketMs: number;
  source: CountSource;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SPEC: Record<Timeframe, { span: number; bucket: number; source: CountSource }> = {
  "1h": { span: HOUR, bucket: 5 * MINUTE, source: "fiveMinute" },
  "24h": { span: DAY, bucket: HOUR, source: "hourly" },
  "7d": { span: 7 * DAY, bucket: 6 * HOUR, source: "hourly" },
  "30d": { span: 30 * DAY, bucket: DAY, source: "daily" },
};

/**
 * The window for a timeframe: it ends at the end of the bucket holding `now`, so the newest bucket
 * is the current, still-filling one, and every bucket lines up with the rollup rows.
 */
export function timeWindow(timeframe: Timeframe, now: Date = new Date()): TimeWindow {
  const { span, bucket, source } = SPEC[timeframe];
  const end = Math.ceil((now.getTime() + 1) / bucket) * bucket;
  return {
    timeframe,
    start: new Date(end - span),
    end: new Date(end),
    prevStart: new Date(end - 2 * span),
    bucketMs: bucket,
    source,
  };
}

/** Bucket start times of the window, oldest first. */
export function bucketStarts(window: TimeWindow): Date[] {
  const out: Date[] = [];
  for (let t = window.start.getTime(); t < window.end.getTime(); t += window.bucketMs) out.push(new Date(t));
  return out;
}
