/**
 * Times as a person chose to see them (Account → Profile → Time zone; UTC unless they chose), one
 * formatter per kind and zone. Rollup days are UTC days, so a day bucket is labelled with its UTC date
 * in every zone (labelling it in the viewer's zone would put it on the previous date west of UTC);
 * hour, six-hour and minute buckets start on the viewer's hours and are labelled there.
 */
type Kind = "day" | "hour" | "dayHour" | "dateTime" | "dateTimeYear" | "exact" | "clock" | "date" | "zoneName";

const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  day: { month: "short", day: "numeric" },
  hour: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dayHour: { weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dateTime: { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  dateTimeYear: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  exact: { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "short" },
  clock: { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" },
  date: { year: "numeric", month: "short", day: "numeric" },
  zoneName: { timeZoneName: "short" },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: Kind, zone: string): Intl.DateTimeFormat {
  const key = `${kind} ${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...OPTIONS[kind], timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const format = (kind: Kind, iso: string, zone: string) => formatter(kind, zone).format(new Date(iso));

export type BucketGranularity = "minute" | "hour" | "sixHours" | "day";

/** A bucket start as its tick label: "Jan 31" for (UTC) days, "14:00" for hours, "Mon 06:00" for 6-hour buckets. */
export function bucketLabel(iso: string, granularity: BucketGranularity, zone: string): string {
  if (granularity === "day") return format("day", iso, "UTC");
  if (granularity === "sixHours") return format("dayHour", iso, zone);
  return format("hour", iso, zone);
}

/** A bucket's tooltip title: "Jan 31, 14:00 GMT+1", or "Jan 31 (UTC day)" for a day. */
export function bucketTitle(iso: string, granularity: BucketGranularity, zone: string): string {
  return granularity === "day" ? `${bucketLabel(iso, "day", zone)} (UTC day)` : dateTime(iso, zone);
}

/** The zone's short name at that instant: "UTC", "GMT+1", "EST", "GMT+5:30". */
export function zoneAbbreviation(iso: string, zone: string): string {
  return formatter("zoneName", zone).formatToParts(new Date(iso)).find((p) => p.type === "timeZoneName")?.value ?? zone;
}

/** "Jan 31, 14:00 UTC": tooltips and spike ranges. */
export function dateTime(iso: string, zone: string): string {
  return `${format("dateTime", iso, zone)} ${zoneAbbreviation(iso, zone)}`;
}

/** "Dec 6, 20:00–23:00 UTC": a range of hours, its end's date left out (a spike). */
export function hourRange(startIso: string, endIso: string, zone: string): string {
  return `${format("dateTime", startIso, zone)}–${format("hour", endIso, zone)} ${zoneAbbreviation(endIso, zone)}`;
}

/**
 * A span of buckets [start, end) as a spike names it: its UTC days for day buckets ("Dec 7 UTC",
 * "Dec 5 – Dec 7 UTC": rollup days are UTC days in every zone), else its hours on the viewer's clock
 * ("Dec 6, 20:00–23:00 GMT+5:30").
 */
export function bucketRange(startIso: string, endIso: string, granularity: BucketGranularity, zone: string): string {
  if (granularity !== "day") return hourRange(startIso, endIso, zone);
  const first = format("day", startIso, "UTC");
  // The end is the next bucket's start: the last day is the one before it.
  const last = format("day", new Date(Date.parse(endIso) - 1).toISOString(), "UTC");
  return first === last ? `${first} UTC` : `${first} – ${last} UTC`;
}

/** "Nov 27, 2026, 17:00 UTC": a range that may span years. */
export function dateTimeWithYear(iso: string, zone: string): string {
  return `${format("dateTimeYear", iso, zone)} ${zoneAbbreviation(iso, zone)}`;
}

/** "Mon, Dec 7, 2026, 10:31:19 UTC": the exact instant, for a relative time's tooltip. */
export function exactTime(iso: string, zone: string): string {
  return format("exact", iso, zone);
}

/** "10:31:19.372": a breadcrumb's time of day (the caller names the zone once). */
export function clockTime(iso: string, zone: string): string {
  return format("clock", iso, zone);
}

/** "Dec 7, 2026": an expiry or a start date. */
export function calendarDate(iso: string, zone: string): string {
  return format("date", iso, zone);
}

export function granularityOf(bucketMs: number): BucketGranularity {
  if (bucketMs >= 86_400_000) return "day";
  if (bucketMs >= 6 * 3_600_000) return "sixHours";
  if (bucketMs >= 3_600_000) return "hour";
  return "minute";
}
