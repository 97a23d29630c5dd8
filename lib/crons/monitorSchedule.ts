import { addMonths, addYears } from "date-fns";
import { nextCrontabTick, parseCrontab } from "@/lib/crons/crontab";
import type { IntervalUnit, MonitorSchedule } from "@/lib/crons/monitorConfig";

const UNIT_MS: Partial<Record<IntervalUnit, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/**
 * When the next run is due after `after`: the next crontab tick in the monitor's time zone, or
 * `after` plus the interval (an interval monitor's clock starts at its last check-in). Null when the
 * crontab never ticks again (e.g. February 30th).
 */
export function nextExpectedAt(schedule: MonitorSchedule, after: Date, timezone: string): Date | null {
  if (schedule.type === "crontab") {
    const parsed = parseCrontab(schedule.value);
    return "error" in parsed ? null : nextCrontabTick(parsed.crontab, after, timezone);
  }
  const ms = UNIT_MS[schedule.unit];
  if (ms !== undefined) return new Date(after.getTime() + schedule.value * ms);
  return schedule.unit === "month" ? addMonths(after, schedule.value) : addYears(after, schedule.value);
}

/** The most a crontab run may check in before its tick and still be that tick's run. */
export const MAX_EARLY_CHECK_IN_MS = 60_000;

/**
 * When the next run is due after a run started at `now`, while the monitor's due time is `due`. A
 * crontab run that checks in just before its tick — the host's clock a little ahead of ours; cron
 * fires at :00 — is that tick's run: the next one is due at the tick after, not at the tick it
 * already covered (which would be reported missed a margin later). "Just before" is at most a tenth
 * of the gap to the following tick and at most a minute, so an every-minute job gets 6 s and a run
 * that really belongs to the previous tick is never taken for the next one. Interval monitors'
 * clocks start at the run, so there is nothing to be early for.
 */
export function nextDueAfterRun(schedule: MonitorSchedule, now: Date, timezone: string, due: Date | null): Date | null {
  const next = nextExpectedAt(schedule, now, timezone);
  if (schedule.type !== "crontab" || !next || !due || next.getTime() !== due.getTime()) return next;
  const following = nextExpectedAt(schedule, due, timezone);
  if (!following) return next;
  const tolerance = Math.min(MAX_EARLY_CHECK_IN_MS, (following.getTime() - due.getTime()) / 10);
  return due.getTime() - now.getTime() <= tolerance ? following : next;
}

/** "0 3 * * * (Europe/Berlin)" or "every 2 hours". */
export function describeSchedule(schedule: MonitorSchedule, timezone: string): string {
  if (schedule.type === "crontab") return `${schedule.value.trim()} (${timezone})`;
  return schedule.value === 1 ? `every ${schedule.unit}` : `every ${schedule.value} ${schedule.unit}s`;
}
