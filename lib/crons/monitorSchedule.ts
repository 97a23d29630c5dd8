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

/** "0 3 * * * (Europe/Berlin)" or "every 2 hours". */
export function describeSchedule(schedule: MonitorSchedule, timezone: string): string {
  if (schedule.type === "crontab") return `${schedule.value.trim()} (${timezone})`;
  return schedule.value === 1 ? `every ${schedule.unit}` : `every ${schedule.value} ${schedule.unit}s`;
}
