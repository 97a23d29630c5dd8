/**
 * Crontab schedules of Sentry "Crons" monitors (`{"type":"crontab","value":"*\/5 * * * *"}`): parsing the
 * five-field expression and finding the next scheduled instant in an IANA time zone, without date libraries.
 */

/** A parsed 5-field crontab: the allowed values of each field, and whether day-of-month / day-of-week were restricted (not `*`). */
export interface Crontab {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0-6, Sunday = 0 (a 7 in the expression is stored as 0). */
  daysOfWeek: number[];
  domRestricted: boolean;
  dowRestricted: boolean;
}

const MAX_EXPRESSION_LENGTH = 200;
const MINUTE_MS = 60_000;
const SEARCH_YEARS = 5;

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

interface FieldSpec {
  label: string;
  min: number;
  max: number;
  /** Upper-case three-letter names and their values, for month and day of week. */
  names?: Record<string, number>;
}

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const FIELDS: FieldSpec[] = [
  { label: "minute", min: 0, max: 59 },
  { label: "hour", min: 0, max: 23 },
  { label: "day of month", min: 1, max: 31 },
  { label: "month", min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1])) },
  // 7 is accepted as a second Sunday and folded onto 0 after expansion.
  { label: "day of week", min: 0, max: 7, names: Object.fromEntries(DAY_NAMES.map((name, i) => [name, i])) },
];

type Parsed<T> = { value: T } | { error: string };

/** Parses a crontab expression; returns a message naming what is wrong instead of throwing. */
export function parseCrontab(expression: string): { crontab: Crontab } | { error: string } {
  if (typeof expression !== "string") return { error: "expression must be a string" };
  if (expression.length > MAX_EXPRESSION_LENGTH) return { error: `expression is longer than ${MAX_EXPRESSION_LENGTH} characters` };
  let text = expression.trim();
  if (text === "") return { error: "expression is empty" };
  if (text.startsWith("@")) {
    const expanded = MACROS[text.toLowerCase()];
    if (expanded === undefined) return { error: `unknown macro "${text}" (expected @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)` };
    text = expanded;
  }
  const parts = text.split(/\s+/);
  if (parts.length !== FIELDS.length) return { error: `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}` };

  const values: number[][] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const parsed = parseField(parts[i], FIELDS[i]);
    if ("error" in parsed) return { error: `${FIELDS[i].label}: ${parsed.error}` };
    values.push(parsed.value);
  }
  const [minutes, hours, daysOfMonth, months, rawDaysOfWeek] = values;
  return {
    crontab: {
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek: sortedUnique(rawDaysOfWeek.map((day) => (day === 7 ? 0 : day))),
      // As in Vixie cron: a field is unrestricted when its text starts with `*`, so `*/2` counts as unrestricted too.
      domRestricted: !parts[2].startsWith("*"),
      dowRestricted: !parts[4].startsWith("*"),
    },
  };
}

/** Expands one field (a comma list of `*`, `n`, `a-b`, each optionally `/step`) into its sorted values. */
function parseField(text: string, spec: FieldSpec): Parsed<number[]> {
  const values: number[] = [];
  for (const item of text.split(",")) {
    if (item === "") return { error: "empty list item" };
    const parsed = parseItem(item, spec);
    if ("error" in parsed) return parsed;
    values.push(...parsed.value);
  }
  return { value: sortedUnique(values) };
}

/** Expands one list item: `*`, `n`, `a-b`, `*\/s`, `a-b/s` or `a/s` (a up to the field's maximum). */
function parseItem(item: string, spec: FieldSpec): Parsed<number[]> {
  const slash = item.split("/");
  if (slash.length > 2) return { error: `"${item}" has more than one "/"` };
  const [base, stepText] = slash;

  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText) || Number(stepText) === 0) return { error: `step "${stepText}" must be a positive whole number` };
    step = Number(stepText);
  }

  let start: number;
  let end: number;
  if (base === "*") {
    [start, end] = [spec.min, spec.max];
  } else {
    const dash = base.split("-");
    if (dash.length > 2) return { error: `"${base}" is not a value or a range` };
    const first = parseValue(dash[0], spec);
    if ("error" in first) return first;
    start = first.value;
    if (dash.length === 2) {
      const last = parseValue(dash[1], spec);
      if ("error" in last) return last;
      end = last.value;
      if (start > end) return { error: `range ${base} is reversed (${start} > ${end})` };
    } else {
      end = stepText === undefined ? start : spec.max;
    }
  }

  const values: number[] = [];
  for (let value = start; value <= end; value += step) values.push(value);
  return { value: values };
}

/** A single number or (for month / day of week) a three-letter name, checked against the field's range. */
function parseValue(text: string, spec: FieldSpec): Parsed<number> {
  if (text === "") return { error: "a range is missing a number" };
  let value: number;
  if (/^\d+$/.test(text)) {
    value = Number(text);
  } else {
    const named = spec.names?.[text.toUpperCase()];
    if (named === undefined) return { error: `"${text}" is not a valid value` };
    value = named;
  }
  if (value < spec.min || value > spec.max) return { error: `${text} is out of range ${spec.min}-${spec.max}` };
  return { value };
}

function sortedUnique(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------
// Time zones

/** One formatter per zone name; bounded, since zone names arrive from clients (in any letter case). */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 1000;
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,99}$/;

/** The cached wall-clock formatter for `timezone`, or null when the runtime does not know the zone. */
function formatterFor(timezone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timezone);
  if (cached) return cached;
  // IANA names start with a letter; this also keeps out offsets such as "+01:00" that newer runtimes accept.
  if (typeof timezone !== "string" || !ZONE_NAME.test(timezone)) return null;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
  } catch {
    return null;
  }
  if (formatters.size >= MAX_FORMATTERS) formatters.clear();
  formatters.set(timezone, formatter);
  return formatter;
}

/** True when `timezone` is an IANA zone name this runtime knows (Intl), e.g. "UTC", "Europe/Berlin". */
export function isKnownTimezone(timezone: string): boolean {
  return formatterFor(timezone) !== null;
}

/** Local wall-clock fields of an instant, with the local time also expressed as if it were UTC (`localMs`). */
interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The wall-clock time read as a UTC timestamp; `localMs - instant` is the zone's offset. */
  localMs: number;
}

/** The wall clock in `timezone` (null = UTC) at the whole-minute instant `ms`. */
function wallClock(ms: number, formatter: Intl.DateTimeFormat | null): WallClock {
  if (formatter === null) return wallClockOfLocalMs(ms);
  let year = 0, month = 0, day = 0, hour = 0, minute = 0;
  for (const part of formatter.formatToParts(ms)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
    else if (part.type === "hour") hour = Number(part.value);
    else if (part.type === "minute") minute = Number(part.value);
  }
  return { year, month, day, hour, minute, localMs: Date.UTC(year, month - 1, day, hour, minute) };
}

/** Splits a wall-clock time held as a UTC timestamp into its fields. */
function wallClockOfLocalMs(localMs: number): WallClock {
  const d = new Date(localMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), localMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Next tick

/** Membership tables of a crontab, indexed by field value. */
interface Matcher {
  minutes: boolean[];
  hours: boolean[];
  daysOfMonth: boolean[];
  months: boolean[];
  daysOfWeek: boolean[];
  /** Vixie cron: when both day fields are restricted, a day matches if EITHER matches. */
  dayOr: boolean;
}

function table(values: number[]): boolean[] {
  const result: boolean[] = [];
  for (const value of values) result[value] = true;
  return result;
}

function matcherOf(crontab: Crontab): Matcher {
  return {
    minutes: table(crontab.minutes),
    hours: table(crontab.hours),
    daysOfMonth: table(crontab.daysOfMonth),
    months: table(crontab.months),
    daysOfWeek: table(crontab.daysOfWeek.map((day) => day % 7)),
    dayOr: crontab.domRestricted && crontab.dowRestricted,
  };
}

/** Whether the local calendar day matches the day-of-month / day-of-week fields (with the Vixie OR rule). */
function dayMatches(m: Matcher, year: number, month: number, day: number): boolean {
  const dom = m.daysOfMonth[day] === true;
  const dow = m.daysOfWeek[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] === true;
  return m.dayOr ? dom || dow : dom && dow;
}

/**
 * When `wall` does not match, the local wall-clock time (as a UTC timestamp) of the earliest local time that
 * could: no local time in between matches. Null when `wall` itself matches.
 */
function nextCandidate(m: Matcher, wall: WallClock): number | null {
  const { year, month, day, hour, minute } = wall;
  if (!m.months[month]) return Date.UTC(year, month, 1);
  if (!dayMatches(m, year, month, day)) {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    for (let d = day + 1; d <= daysInMonth; d++) if (dayMatches(m, year, month, d)) return Date.UTC(year, month - 1, d);
    return Date.UTC(year, month, 1);
  }
  if (!m.hours[hour]) return Date.UTC(year, month - 1, day, nextIndex(m.hours, hour, 24));
  if (!m.minutes[minute]) return Date.UTC(year, month - 1, day, hour, nextIndex(m.minutes, minute, 60));
  return null;
}

/** The first index after `from` set in `allowed`, or `limit` (which Date.UTC carries into the next unit). */
function nextIndex(allowed: boolean[], from: number, limit: number): number {
  for (let i = from + 1; i < limit; i++) if (allowed[i]) return i;
  return limit;
}

/** The zone's offset (ms, local minus UTC) at the whole-minute instant `ms`. */
function offsetAt(ms: number, formatter: Intl.DateTimeFormat | null): number {
  return wallClock(ms, formatter).localMs - ms;
}

/** The first whole minute in (from, to] whose offset is not `offset`, given that `to`'s offset differs. */
function firstOffsetChange(from: number, to: number, offset: number, formatter: Intl.DateTimeFormat | null): number {
  let lo = from;
  let hi = to;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / MINUTE_MS / 2) * MINUTE_MS;
    if (offsetAt(mid, formatter) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The first scheduled instant strictly after `after` (whole minutes), or null when none falls within the next 5 years (e.g. "0 0 30 2 *").
 *
 * A tick is a UTC minute whose wall-clock fields in `timezone` match the crontab. So on a daylight-saving change
 * a local time skipped by spring-forward never ticks (America/New_York "30 2 * * *" skips 2026-03-08), and one
 * repeated by fall-back ticks twice (America/New_York "30 1 * * *" ticks at 05:30Z and 06:30Z on 2026-11-01).
 * An unknown `timezone` (callers should check isKnownTimezone first) is treated as UTC.
 *
 * The search jumps from one candidate local time to the next (next matching month, day, hour, minute), moving
 * the instant by the wall-clock distance. When the zone's offset differs at the destination, it stops instead at
 * the minute the offset changed and re-checks from there, so no matching minute is skipped on 23- or 25-hour
 * days or half-hour changes. (This assumes an offset changes at most once within one jump, which is at most a
 * local month.)
 */
export function nextCrontabTick(crontab: Crontab, after: Date, timezone: string): Date | null {
  const afterMs = after.getTime();
  if (!Number.isFinite(afterMs)) return null;
  const formatter = timezone === "UTC" ? null : formatterFor(timezone);
  const m = matcherOf(crontab);

  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const end = new Date(t);
  end.setUTCFullYear(end.getUTCFullYear() + SEARCH_YEARS);
  const endMs = end.getTime();

  let wall = wallClock(t, formatter);
  while (t <= endMs) {
    const candidate = nextCandidate(m, wall);
    if (candidate === null) return new Date(t);
    const offset = wall.localMs - t;
    const destination = t + (candidate - wall.localMs);
    const destinationWall = wallClock(destination, formatter);
    if (destinationWall.localMs - destination === offset) {
      t = destination;
      wall = destinationWall;
    } else {
      t = firstOffsetChange(t, destination, offset, formatter);
      wall = wallClock(t, formatter);
    }
  }
  return null;
}
