/**
 * Rollup buckets are UTC hours and UTC days. Labelling them in the viewer's zone would put a UTC day
 * on the previous date west of UTC, so bucket labels are written in UTC and say so.
 */
const UTC_DAY = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const UTC_HOUR = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const UTC_DAY_HOUR = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const UTC_FULL = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const UTC_FULL_YEAR = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

export type BucketGranularity = "minute" | "hour" | "sixHours" | "day";

/** A bucket start as its tick label: "Jan 31" for days, "14:00" for hours, "Mon 06:00" for 6-hour buckets. */
export function utcBucketLabel(iso: string, granularity: BucketGranularity): string {
  const d = new Date(iso);
  if (granularity === "day") return UTC_DAY.format(d);
  if (granularity === "sixHours") return UTC_DAY_HOUR.format(d);
  return UTC_HOUR.format(d);
}

/** "Jan 31, 14:00 UTC": tooltips and spike ranges. */
export function utcDateTime(iso: string): string {
  return `${UTC_FULL.format(new Date(iso))} UTC`;
}

/** "Nov 27, 2026, 17:00" (UTC, the caller says so once): a report's range, which may span years. */
export function utcDateTimeWithYear(iso: string): string {
  return UTC_FULL_YEAR.format(new Date(iso));
}

export function granularityOf(bucketMs: number): BucketGranularity {
  if (bucketMs >= 86_400_000) return "day";
  if (bucketMs >= 6 * 3_600_000) return "sixHours";
  if (bucketMs >= 3_600_000) return "hour";
  return "minute";
}
