const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One term of a range's decomposition: a coarse or fine rollup row, added or subtracted. */
export interface CoverTerm {
  /** Weeks and days: an ISO date (a week's Monday). Hours: an ISO timestamp. */
  key: string;
  sign: 1 | -1;
}

export interface WeekCover {
  weeks: CoverTerm[];
  days: CoverTerm[];
}

export interface DayCover {
  days: CoverTerm[];
  hours: CoverTerm[];
}

/**
 * Decomposes the UTC days [from, to) (both midnight UTC) into whole weeks (Monday–Sunday) and
 * single days so that as few rollup rows as possible are read: a week wholly inside the range is one
 * weekly row; a week partly inside is either its inside days added one by one or, when that reads
 * more, the weekly row minus its outside days. Days from `emptyFrom` on (the future) hold nothing
 * yet, so subtracting them costs nothing: the current week is its weekly row minus the days to come
 * (still subtracted, so events a client dated slightly ahead stay exact).
 */
export function weekCover(from: Date, to: Date, emptyFrom?: Date): WeekCover {
  const { blocks, units } = blockCover(unitOf(from, DAY), unitOf(to, DAY), emptyFrom ? unitOf(emptyFrom, DAY) : Infinity, 7, mondayOf);
  return { weeks: blocks.map((t) => term(isoDay(t.unit), t.sign)), days: units.map((t) => term(isoDay(t.unit), t.sign)) };
}

/** The same for the UTC hours [from, to) (whole hours): whole days from the daily rollup, other hours from the hourly one. */
export function dayCover(from: Date, to: Date, emptyFrom?: Date): DayCover {
  const { blocks, units } = blockCover(unitOf(from, HOUR), unitOf(to, HOUR), emptyFrom ? unitOf(emptyFrom, HOUR) : Infinity, 24, (h) => h - (h % 24));
  return {
    days: blocks.map((t) => term(isoDay(t.unit / 24), t.sign)),
    hours: units.map((t) => term(new Date(t.unit * HOUR).toISOString(), t.sign)),
  };
}

export interface WeekDayHourCover {
  weeks: CoverTerm[];
  days: CoverTerm[];
  hours: CoverTerm[];
}

/**
 * Three levels for hour-aligned ranges (7d windows span a week): dayCover's hours, and its whole
 * days regrouped by weekCover into weeks plus single days, so a week of days is one weekly row.
 * Hours from `emptyFrom` on are empty, and so are the days after the one holding it.
 */
export function weekDayHourCover(from: Date, to: Date, emptyFrom?: Date): WeekDayHourCover {
  const { days, hours } = dayCover(from, to, emptyFrom);
  const emptyDays = emptyFrom ? new Date(Math.ceil(emptyFrom.getTime() / DAY) * DAY) : undefined;
  const units = days.map((d) => unitOf(new Date(`${d.key}T00:00:00Z`), DAY)).sort((a, b) => a - b);
  const out: WeekDayHourCover = { weeks: [], days: [], hours };
  // dayCover's days are whole, added once each: regroup each run of consecutive days.
  for (let i = 0; i < units.length; ) {
    let j = i + 1;
    while (j < units.length && units[j] === units[j - 1] + 1) j++;
    const run = weekCover(new Date(units[i] * DAY), new Date((units[j - 1] + 1) * DAY), emptyDays);
    out.weeks.push(...run.weeks);
    out.days.push(...run.days);
    i = j;
  }
  return out;
}

/** The Monday (ISO week start) of the UTC day holding `at`, as an ISO date. */
export function weekOf(at: Date): string {
  return isoDay(mondayOf(unitOf(at, DAY)));
}

/** The first UTC day after the one holding `now`: from there on, the rollups hold (almost) nothing. */
export function futureFrom(now: Date): Date {
  return new Date((unitOf(now, DAY) + 1) * DAY);
}

/** The first hour after the one holding `now`. */
export function futureHoursFrom(now: Date): Date {
  return new Date((unitOf(now, HOUR) + 1) * HOUR);
}

interface UnitTerm {
  unit: number;
  sign: 1 | -1;
}

/**
 * Units [start, end) as whole blocks of `size` units (starting where `blockStart` says) plus single
 * units, each partial block either as its inside units or as the block minus its outside units,
 * whichever reads fewer rows (units from `empty` on cost nothing).
 */
function blockCover(start: number, end: number, empty: number, size: number, blockStart: (unit: number) => number) {
  const cost = (units: number[]) => units.filter((u) => u < empty).length;
  const blocks: UnitTerm[] = [];
  const units: UnitTerm[] = [];
  if (end <= start) return { blocks, units };
  for (let block = blockStart(start); block < end; block += size) {
    const inside: number[] = [];
    const outside: number[] = [];
    for (let u = block; u < block + size; u++) (u >= start && u < end ? inside : outside).push(u);
    if (outside.length === 0) blocks.push({ unit: block, sign: 1 });
    else if (cost(inside) <= cost(outside)) for (const u of inside) units.push({ unit: u, sign: 1 });
    else {
      blocks.push({ unit: block, sign: 1 });
      for (const u of outside) units.push({ unit: u, sign: -1 });
    }
  }
  return { blocks, units };
}

const term = (key: string, sign: 1 | -1): CoverTerm => ({ key, sign });

function unitOf(at: Date, unitMs: number): number {
  return Math.floor(at.getTime() / unitMs);
}

/** Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7. */
function mondayOf(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
