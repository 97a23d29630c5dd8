const DAY = 86_400_000;

/** One term of a day range's decomposition: a weekly or daily rollup row, added or subtracted. */
export interface CoverTerm {
  /** ISO date: the Monday of a week for "week" terms, the day itself for "day" terms. */
  key: string;
  sign: 1 | -1;
}

export interface WeekCover {
  weeks: CoverTerm[];
  days: CoverTerm[];
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
  const start = dayNumber(from);
  const end = dayNumber(to);
  const empty = emptyFrom ? dayNumber(emptyFrom) : Infinity;
  const cost = (days: number[]) => days.filter((d) => d < empty).length;
  const cover: WeekCover = { weeks: [], days: [] };
  if (end <= start) return cover;
  for (let monday = mondayOf(start); monday < end; monday += 7) {
    const inside: number[] = [];
    const outside: number[] = [];
    for (let d = monday; d < monday + 7; d++) (d >= start && d < end ? inside : outside).push(d);
    if (outside.length === 0) cover.weeks.push({ key: isoDay(monday), sign: 1 });
    else if (cost(inside) <= cost(outside)) for (const d of inside) cover.days.push({ key: isoDay(d), sign: 1 });
    else {
      cover.weeks.push({ key: isoDay(monday), sign: 1 });
      for (const d of outside) cover.days.push({ key: isoDay(d), sign: -1 });
    }
  }
  return cover;
}

/** The Monday (ISO week start) of the UTC day holding `at`, as an ISO date. */
export function weekOf(at: Date): string {
  return isoDay(mondayOf(dayNumber(at)));
}

function dayNumber(at: Date): number {
  return Math.floor(at.getTime() / DAY);
}

/** Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7. */
function mondayOf(day: number): number {
  return day - (((day + 3) % 7) + 7) % 7;
}

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The first UTC day after the one holding `now`: from there on, the rollups hold (almost) nothing. */
export function futureFrom(now: Date): Date {
  return new Date((dayNumber(now) + 1) * DAY);
}
