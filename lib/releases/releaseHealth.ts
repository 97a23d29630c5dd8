import { addDays, utcDay } from "@/lib/db/partitions/partitionDays";

/**
 * Sessions of one release that ended ok, with errors, crashed, or abnormally (the OS ended the app
 * without a crash: an ANR, a watchdog kill), which is not a crash.
 */
export interface SessionTally {
  ok: number;
  errored: number;
  crashed: number;
  abnormal: number;
}

/** Every session of a tally. */
export function sessionTotal(tally: SessionTally): number {
  return tally.ok + tally.errored + tally.crashed + tally.abnormal;
}

/** One UTC day of a release: its error events and its sessions. */
export interface ReleaseDay {
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  events: number;
  sessions: SessionTally;
  /** Share of the day's sessions that did not crash, 0–1; null without sessions. */
  crashFreeRate: number | null;
}

/** A release's sessions in one environment ("" when the SDK named none). */
export interface EnvironmentHealth extends SessionTally {
  environment: string;
  total: number;
  crashFreeRate: number;
}

/** Days of the release page's chart, today's included: from the release's first day, 7 to 30 of them. */
export const RELEASE_DAYS = { min: 7, max: 30 };

/** Days from the release's first UTC day to today's, both included, within RELEASE_DAYS. */
export function chartDays(firstSeen: string, today: Date): number {
  const days = Math.round((Date.parse(utcDay(today)) - Date.parse(firstSeen.slice(0, 10))) / 86_400_000) + 1;
  return Math.min(RELEASE_DAYS.max, Math.max(RELEASE_DAYS.min, days));
}

/** A share 0–1 of `all`, or null when `all` is 0 (no sessions then: adoption is unknown, not 0 %). */
export function adoptionShare(mine: number, all: number): number | null {
  if (!(all > 0)) return null;
  return Math.min(1, Math.max(0, mine / all));
}

/** 1 − crashed / total (abnormal sessions are not crashes); null without sessions. */
export function crashFreeRate(tally: SessionTally): number | null {
  const total = sessionTotal(tally);
  return total > 0 ? 1 - tally.crashed / total : null;
}

/**
 * `days` consecutive UTC days ending with `today`'s, oldest first, each with its events and sessions
 * (0 where the rollups have no row). Rows for days outside the range are ignored.
 */
export function dailySeries(
  today: Date,
  days: number,
  events: { day: string; events: number }[],
  sessions: ({ day: string } & SessionTally)[],
): ReleaseDay[] {
  const byDay = new Map<string, ReleaseDay>();
  const first = addDays(utcDay(today), -(days - 1));
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    byDay.set(day, { day, events: 0, sessions: { ok: 0, errored: 0, crashed: 0, abnormal: 0 }, crashFreeRate: null });
  }
  for (const row of events) {
    const entry = byDay.get(row.day);
    if (entry) entry.events += row.events;
  }
  for (const row of sessions) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.sessions.ok += row.ok;
    entry.sessions.errored += row.errored;
    entry.sessions.crashed += row.crashed;
    entry.sessions.abnormal += row.abnormal;
  }
  const series = [...byDay.values()];
  for (const entry of series) entry.crashFreeRate = crashFreeRate(entry.sessions);
  return series;
}

/** Per environment, most sessions first; environments whose rows add up to no session are left out. */
export function environmentHealth(rows: ({ environment: string } & SessionTally)[]): EnvironmentHealth[] {
  const byEnvironment = new Map<string, SessionTally>();
  for (const row of rows) {
    const tally = byEnvironment.get(row.environment) ?? { ok: 0, errored: 0, crashed: 0, abnormal: 0 };
    tally.ok += row.ok;
    tally.errored += row.errored;
    tally.crashed += row.crashed;
    tally.abnormal += row.abnormal;
    byEnvironment.set(row.environment, tally);
  }
  const out: EnvironmentHealth[] = [];
  for (const [environment, tally] of byEnvironment) {
    const rate = crashFreeRate(tally);
    if (rate === null) continue;
    out.push({ environment, ...tally, total: sessionTotal(tally), crashFreeRate: rate });
  }
  return out.sort((a, b) => b.total - a.total || a.environment.localeCompare(b.environment));
}
